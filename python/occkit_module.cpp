// The extension `occkit._occkit` (pybind11) behind the Python package `occkit` (python/occkit/__init__.py): the
// library's convert, validate, diff, stale audit and layouts for notebooks and for engines that call Python (dask,
// Spark's Python workers). A thin layer over the public C++ API: values cross as the JSON mapping of docs/json.md
// (to_dict, the list attributes), so Python sees the same keys as `occkit export`, and the GIL is released while C++
// works, so threads convert in parallel.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/error.hpp"
#include "occkit/json.hpp"
#include "occkit/layout.hpp"
#include "occkit/records.hpp"
#include "occkit/stale.hpp"
#include "occkit/validate.hpp"
#include "occkit/version.hpp"
#include "occkit/xml.hpp"

namespace py = pybind11;

namespace {

// An occkit::Error on its way to Python, with what the caller knows of where it happened.
struct RaisedError {
    std::string message;
    std::string code;    // "convert", "read-xml", "layout", "argument", "record"
    std::string path;    // the url or file name given, when any
    std::string record;  // a page record's id, when the error is about one
};

// Runs `work` without the GIL, turning occkit::Error into RaisedError (raised as occkit.Error).
template <class Work>
auto without_gil(const std::string& code, const std::string& path, Work&& work) {
    try {
        py::gil_scoped_release release;
        return work();
    } catch (const occkit::RecordError& e) {
        throw RaisedError{e.what(), "record", path, e.id};
    } catch (const occkit::Error& e) {
        throw RaisedError{e.what(), code, path, {}};
    }
}

py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

occkit::InputFormat input_format(const std::string& name) {
    if (name == "auto") return occkit::InputFormat::automatic;
    if (name == "html") return occkit::InputFormat::html;
    if (name == "text") return occkit::InputFormat::text;
    throw RaisedError{"input_format must be 'auto', 'html' or 'text', not '" + name + "'", "argument", {}, {}};
}

occkit::Profile convert_page(const std::string& data, const std::optional<std::string>& url,
                             const std::optional<std::string>& layout, const std::string& format) {
    occkit::ConvertOptions options;
    options.url = url.value_or("");
    options.layout = layout.value_or("");
    options.format = input_format(format);
    options.explain = false;
    return without_gil("convert", options.url, [&] { return occkit::read_profile(data, {}, options); });
}

occkit::Profile read_xml_text(const std::string& xml) {
    return without_gil("read-xml", {}, [&] { return occkit::read_xml(xml); });
}

// A profile argument: a Profile, or canonical XML text.
occkit::Profile profile_of(const py::object& value) {
    if (py::isinstance<occkit::Profile>(value)) return value.cast<occkit::Profile>();
    return read_xml_text(value.cast<std::string>());
}

// "2024-03-31", a datetime.date, or None for today.
occkit::CalendarDate as_of_date(const py::object& value) {
    if (value.is_none()) return occkit::today();
    std::string text = py::str(py::isinstance<py::str>(value) ? value : value.attr("isoformat")());
    auto date = occkit::parse_iso_date(text);
    if (!date || date->precision == occkit::DatePrecision::span)
        throw RaisedError{"as_of: not a date: '" + text + "'", "argument", {}, {}};
    return *date;
}

const occkit::Validator& default_validator() {
    static const occkit::Validator validator;  // compiles the XSD once; validate_xml is thread-safe
    return validator;
}

std::vector<occkit::Finding> validate(const py::object& value, const std::string& file) {
    std::string xml = py::isinstance<occkit::Profile>(value) ? occkit::write_xml(value.cast<occkit::Profile>())
                                                             : value.cast<std::string>();
    return without_gil("validate", file, [&] { return default_validator().validate_xml(xml, file); });
}

py::object stale(const py::object& value, const py::object& as_of, const std::optional<std::string>& policy) {
    occkit::Profile profile = profile_of(value);
    occkit::CalendarDate date = as_of_date(as_of);
    std::string json = without_gil("stale", {}, [&] {
        occkit::StalePolicy rules = policy ? occkit::StalePolicy::parse(*policy, "policy") : occkit::StalePolicy{};
        auto audit = occkit::audit_staleness(profile, "<profile>", date, rules);
        return occkit::write_stale_report(occkit::StaleFormat::json, {audit}, date);
    });
    return json_loads(json)["profiles"][py::int_(0)];
}

py::list layouts() {
    py::list out;
    for (const auto& layout : occkit::LayoutSet::builtin().layouts()) {
        py::dict d;
        d["id"] = layout.id();
        d["name"] = layout.name();
        d["jurisdiction"] = layout.jurisdiction();
        d["language"] = layout.language();
        out.append(d);
    }
    return out;
}

// The profile's JSON mapping, one member of it.
py::object member(const occkit::Profile& p, const char* name) {
    return json_loads(occkit::write_json(p, occkit::JsonStyle::compact)).attr("get")(name);
}

void bind_profile(py::module_& m) {
    py::class_<occkit::Profile>(m, "Profile", "A canonical occupation profile (schemas/occupation.xsd).")
        .def(
            "to_xml", [](const occkit::Profile& p) { return occkit::write_xml(p); },
            "The canonical XML, byte for byte what `occkit convert` writes.")
        .def(
            "to_json",
            [](const occkit::Profile& p, bool pretty) {
                return occkit::write_json(p, pretty ? occkit::JsonStyle::pretty : occkit::JsonStyle::compact);
            },
            py::kw_only(), py::arg("pretty") = true, "The JSON mapping, as `occkit export` writes it.")
        .def(
            "to_dict", [](const occkit::Profile& p) { return json_loads(occkit::write_json(p)); },
            "The JSON mapping as Python dicts and lists.")
        .def_property_readonly(
            "title",
            [](const occkit::Profile& p) -> py::object {
                return p.title ? py::object(py::str(p.title->text)) : py::none();
            },
            "The occupation's title, or None.")
        .def_property_readonly(
            "source", [](const occkit::Profile& p) { return member(p, "source"); },
            "Provenance: jurisdiction, layout, url, format, sha256, language, charset.")
        .def_property_readonly(
            "codes", [](const occkit::Profile& p) { return member(p, "codes"); },
            "Occupation codes (NOC, ...), as dicts.")
        .def_property_readonly(
            "sections", [](const occkit::Profile& p) { return member(p, "sections"); },
            "Sections as dicts, subsections nested under \"sections\".")
        .def_property_readonly(
            "dates", [](const occkit::Profile& p) { return member(p, "dates"); }, "Page-level dates, as dicts.")
        .def_property_readonly(
            "wages", [](const occkit::Profile& p) { return member(p, "wages"); }, "Page-level wages, as dicts.")
        .def(py::pickle([](const occkit::Profile& p) { return occkit::write_xml(p); },  // lossless: canonical XML
                        [](const std::string& xml) { return occkit::read_xml(xml); }))
        .def("__repr__", [](const occkit::Profile& p) {
            return "<occkit.Profile " + py::repr(py::str(p.title ? p.title->text : "")).cast<std::string>() +
                   " layout=" + p.source.layout + ">";
        });
}

void bind_finding(py::module_& m) {
    py::class_<occkit::Finding>(m, "Finding", "One finding of occkit.validate.")
        .def_readonly("rule", &occkit::Finding::rule)
        .def_property_readonly("severity",
                               [](const occkit::Finding& f) { return std::string(occkit::to_string(f.severity)); })
        .def_readonly("message", &occkit::Finding::message)
        .def_readonly("file", &occkit::Finding::file)
        .def_readonly("xml_line", &occkit::Finding::xml_line)
        .def_readonly("source_line", &occkit::Finding::source_line)
        .def_readonly("subject", &occkit::Finding::subject)
        .def(py::pickle(
            [](const occkit::Finding& f) {
                return py::make_tuple(f.rule, std::string(occkit::to_string(f.severity)), f.message, f.file, f.xml_line,
                                      f.source_line, f.subject);
            },
            [](const py::tuple& t) {
                occkit::Finding f;
                f.rule = t[0].cast<std::string>();
                f.severity = occkit::severity_from_string(t[1].cast<std::string>()).value_or(f.severity);
                f.message = t[2].cast<std::string>();
                f.file = t[3].cast<std::string>();
                f.xml_line = t[4].cast<int>();
                f.source_line = t[5].cast<int>();
                f.subject = t[6].cast<std::string>();
                return f;
            }))
        .def("__repr__", [](const occkit::Finding& f) {
            return "<occkit.Finding " + std::string(occkit::to_string(f.severity)) + " " + f.rule + ": " + f.message +
                   ">";
        });
}

void bind_diff(py::module_& m) {
    py::class_<occkit::ProfileDiff>(m, "Diff", "What changed between two profiles (occkit.diff).")
        .def_property_readonly("identical", &occkit::ProfileDiff::identical)
        .def(
            "to_json",
            [](const occkit::ProfileDiff& d, const std::string& old_label, const std::string& new_label) {
                return occkit::write_diff_json(d, {old_label, new_label, false});
            },
            py::arg("old_label") = "", py::arg("new_label") = "", "The report of `occkit diff --format json`.")
        .def(
            "to_text", [](const occkit::ProfileDiff& d) { return occkit::write_diff_text(d); },
            "The report of `occkit diff` (word diff, without colour).");
}

// occkit.Error: an Exception subclass with code, path and record attributes.
void register_error(py::module_& m) {
    static py::exception<RaisedError> error(m, "Error");
    error.doc() = "An occkit library error. Attributes: code, path (url or file), record (page record id).";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const RaisedError& e) {
            py::object instance = py::handle(error.ptr())(e.message);
            instance.attr("code") = e.code;
            instance.attr("path") = e.path.empty() ? py::object(py::none()) : py::str(e.path);
            instance.attr("record") = e.record.empty() ? py::object(py::none()) : py::str(e.record);
            PyErr_SetObject(error.ptr(), instance.ptr());
        }
    });
}

}  // namespace

PYBIND11_MODULE(_occkit, m) {
    m.doc() = "occkit: scraped Canadian career-profile pages to canonical occupation profiles (XML, JSON).";
    m.attr("__version__") = occkit::version();
    register_error(m);
    bind_profile(m);
    bind_finding(m);
    bind_diff(m);
    m.def("convert", &convert_page, py::arg("data"), py::kw_only(), py::arg("url") = py::none(),
          py::arg("layout") = py::none(), py::arg("input_format") = "auto",
          "Convert a page (HTML or text, bytes or str) into a Profile, as `occkit convert` does; canonical XML is "
          "read as it is. Raises occkit.Error.");
    m.def("read_xml", &read_xml_text, py::arg("xml"), "Read canonical XML into a Profile. Raises occkit.Error.");
    m.def("validate", &validate, py::arg("xml"), py::kw_only(), py::arg("file") = "<string>",
          "Check canonical XML (str, bytes or a Profile) against the schema and the profile rules: a list of "
          "Finding, empty when clean.");
    m.def(
        "diff",
        [](const py::object& a, const py::object& b) {
            occkit::Profile old_profile = profile_of(a), new_profile = profile_of(b);
            return without_gil("diff", {}, [&] { return occkit::diff_profiles(old_profile, new_profile); });
        },
        py::arg("a"), py::arg("b"), "What changed from a to b (Profiles or canonical XML): a Diff.");
    m.def("stale", &stale, py::arg("profile"), py::kw_only(), py::arg("as_of") = py::none(),
          py::arg("policy") = py::none(),
          "The staleness audit of a profile, as one profile of `occkit stale --format json`: a dict. as_of: "
          "'YYYY-MM-DD' or a datetime.date (default today); policy: the text of a policy file.");
    m.def(
        "convert_record",
        [](const std::string& line) {
            py::gil_scoped_release release;
            return occkit::convert_page_record(line, {});
        },
        py::arg("line"), "One line of `occkit convert --ndjson`: a page record in, its output line out.");
    m.def("layouts", &layouts, "The built-in layouts: dicts with id, name, jurisdiction and language.");
}
