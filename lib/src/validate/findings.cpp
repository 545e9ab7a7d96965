// The report writers for findings: text, JSON, SARIF 2.1.0, JUnit XML and GitHub workflow commands. They print the
// findings in the order given (the caller sorts) and never fail on odd text: invalid UTF-8 becomes U+FFFD.
#include "occkit/findings.hpp"

#include <algorithm>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "json/json_writer.hpp"
#include "occkit/decode.hpp"
#include "validate/report_ci.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

struct Counts {
    std::size_t error = 0, warning = 0, info = 0;
    explicit Counts(const std::vector<Finding>& findings) {
        for (const Finding& f : findings)
            (f.severity == Severity::error ? error : f.severity == Severity::warning ? warning : info) += 1;
    }
};

// "checked 3 files: 2 errors, 1 warning, 0 info" / "checked 3 files: no findings"
std::string summary_line(const std::vector<Finding>& findings, std::size_t file_count) {
    std::string line = "checked " + detail::plural(file_count, "file") + ": ";
    if (findings.empty()) return line + "no findings";
    Counts c(findings);
    return line + detail::plural(c.error, "error") + ", " + detail::plural(c.warning, "warning") + ", " +
           std::to_string(c.info) + " info";
}

// "page.xml:12: error: message [rule] (page line 71)"; whole-file findings have no line.
std::string text_line(const Finding& f) {
    std::string line = f.file;
    if (f.xml_line > 0) line += ":" + std::to_string(f.xml_line);
    line += ": " + std::string(to_string(f.severity)) + ": " + f.message + " [" + f.rule + "]";
    if (f.source_line > 0) line += " (page line " + std::to_string(f.source_line) + ")";
    return line;
}

std::string write_text(const std::vector<Finding>& findings, const std::vector<std::string>& files) {
    std::string out;
    for (const Finding& f : findings) out += text_line(f) + "\n";
    return out + summary_line(findings, files.size()) + "\n";
}

// --- JSON and SARIF ---

void line_or_null(detail::JsonWriter& json, int line) {
    if (line > 0)
        json.integer(line);
    else
        json.null();
}

std::string write_json(const std::vector<Finding>& findings, const std::vector<std::string>& files,
                       const ReportOptions& options) {
    Counts c(findings);
    detail::JsonWriter json(JsonStyle::pretty);
    json.begin_object();
    json.key("tool").begin_object();
    json.key("name").string(options.tool_name).key("version").string(options.tool_version);
    json.end_object();
    json.key("summary").begin_object();
    json.key("files").integer(static_cast<long long>(files.size()));
    json.key("findings").integer(static_cast<long long>(findings.size()));
    json.key("error").integer(static_cast<long long>(c.error));
    json.key("warning").integer(static_cast<long long>(c.warning));
    json.key("info").integer(static_cast<long long>(c.info));
    json.end_object();
    json.key("files").begin_array();
    for (const auto& file : files) json.string(file);
    json.end_array();
    json.key("findings").begin_array();
    for (const Finding& f : findings) {
        json.begin_object().key("file").string(f.file).key("line");
        line_or_null(json, f.xml_line);
        json.key("sourceLine");
        line_or_null(json, f.source_line);
        json.key("rule").string(f.rule).key("severity").string(to_string(f.severity));
        json.key("message").string(f.message).key("subject").string(f.subject);
        json.key("fingerprint").string(fingerprint(f));
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.finish();
}

std::string_view sarif_level(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

// A relative path becomes a relative URI reference, an absolute one a file:// URI; anything outside the unreserved
// characters and '/' is percent-encoded.
std::string file_uri(std::string_view path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
    for (unsigned char c : path) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '.' || c == '_' || c == '~' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// "missing-title" -> "MissingTitle": SARIF's rule name, an identifier-like form of the id.
std::string sarif_rule_name(std::string_view id) {
    std::string name;
    bool upper = true;
    for (char c : id) {
        if (c == '-' || c == '_') {
            upper = true;
            continue;
        }
        name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return name;
}

void write_sarif_rule(detail::JsonWriter& json, const RuleInfo& rule, const ReportOptions& options) {
    json.begin_object().key("id").string(rule.id).key("name").string(sarif_rule_name(rule.id));
    if (!options.help_uri.empty()) json.key("helpUri").string(options.help_uri);
    json.key("shortDescription").begin_object().key("text").string(rule.summary).end_object();
    json.key("fullDescription").begin_object().key("text").string(rule.explanation).end_object();
    json.key("help").begin_object().key("text").string(rule.explanation).end_object();
    json.key("defaultConfiguration").begin_object().key("level").string(sarif_level(rule.default_severity));
    json.end_object();
    json.end_object();
}

void write_sarif_result(detail::JsonWriter& json, const Finding& f,
                        const std::map<std::string, std::size_t>& rule_index, const ReportOptions& options) {
    json.begin_object().key("ruleId").string(f.rule);
    if (auto it = rule_index.find(f.rule); it != rule_index.end())
        json.key("ruleIndex").integer(static_cast<long long>(it->second));
    json.key("level").string(sarif_level(f.severity));
    std::string message = f.message;
    if (f.source_line > 0) message += " (page line " + std::to_string(f.source_line) + ")";
    json.key("message").begin_object().key("text").string(message).end_object();
    json.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
    json.key("artifactLocation").begin_object();
    if (std::string below = path_below_root(f.file, options.root); !options.root.empty() && below != f.file)
        json.key("uri").string(file_uri(below)).key("uriBaseId").string("SRCROOT");
    else
        json.key("uri").string(file_uri(f.file));
    json.end_object();
    if (f.xml_line > 0) json.key("region").begin_object().key("startLine").integer(f.xml_line).end_object();
    json.end_object().end_object().end_array();
    json.key("partialFingerprints").begin_object().key("occkitFingerprint/v1").string(fingerprint(f)).end_object();
    if (options.with_baseline) json.key("baselineState").string("new");
    json.key("properties").begin_object().key("subject").string(f.subject);
    if (f.source_line > 0) json.key("sourceLine").integer(f.source_line);
    json.end_object();
    json.end_object();
}

std::string write_sarif(const std::vector<Finding>& findings, const std::vector<RuleInfo>& rules,
                        const ReportOptions& options) {
    detail::JsonWriter json(JsonStyle::pretty);
    json.begin_object();
    json.key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json").key("version").string("2.1.0");
    json.key("runs").begin_array().begin_object();
    json.key("tool").begin_object().key("driver").begin_object().key("name").string(options.tool_name);
    if (!options.tool_version.empty()) json.key("version").string(options.tool_version);
    json.key("rules").begin_array();
    std::map<std::string, std::size_t> rule_index;
    for (const RuleInfo& rule : rules)
        if (rule_index.emplace(rule.id, rule_index.size()).second) write_sarif_rule(json, rule, options);
    json.end_array();
    json.end_object().end_object();  // driver, tool
    json.key("invocations").begin_array().begin_object();
    json.key("executionSuccessful").boolean(options.execution_successful && options.complete);
    if (!options.complete) {
        json.key("toolExecutionNotifications").begin_array().begin_object();
        json.key("level").string("error");
        json.key("message").begin_object().key("text").string("interrupted: the results cover part of the files");
        json.end_object().end_object().end_array();
    }
    json.end_object().end_array();
    if (!options.root.empty()) {
        std::string root_uri = file_uri(options.root);
        if (root_uri.empty() || root_uri.back() != '/') root_uri += '/';  // a base URI names a directory
        json.key("originalUriBaseIds").begin_object().key("SRCROOT").begin_object().key("uri").string(root_uri);
        json.end_object().end_object();
    }
    json.key("results").begin_array();
    for (const Finding& f : findings) write_sarif_result(json, f, rule_index, options);
    json.end_array();
    json.end_object().end_array();  // run, runs
    json.end_object();
    return json.finish();
}

// --- JUnit ---

// Text XML 1.0 can carry: invalid UTF-8 and forbidden characters (controls) become U+FFFD.
std::string xml_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        char32_t cp = detail::next_code_point(s, i);
        if (detail::is_xml_character(cp) && cp != 0xFFFD)  // a bad byte reads as U+FFFD: write that, not the byte
            out.append(s.substr(start, i - start));
        else
            detail::append_utf8(out, 0xFFFD);
    }
    return out;
}

std::string write_junit(const std::vector<Finding>& findings, const std::vector<std::string>& files,
                        const ReportOptions& options) {
    // Every file checked is a test case, in the order given; a finding for a file not listed adds one.
    std::vector<std::string> cases = files;
    std::map<std::string, std::vector<const Finding*>> by_file;
    for (const Finding& f : findings) {
        if (!by_file.count(f.file) && std::find(cases.begin(), cases.end(), f.file) == cases.end())
            cases.push_back(f.file);
        by_file[f.file].push_back(&f);
    }
    pugi::xml_document doc;
    pugi::xml_node suites = doc.append_child("testsuites");
    pugi::xml_node suite = suites.append_child("testsuite");
    std::size_t failures = 0;
    for (const std::string& file : cases) {
        pugi::xml_node test = suite.append_child("testcase");
        test.append_attribute("classname") = xml_text(options.tool_name).c_str();
        test.append_attribute("name") = xml_text(file).c_str();
        test.append_attribute("file") = xml_text(path_below_root(file, options.root)).c_str();  // GitLab links by it
        test.append_attribute("time") = "0";
        std::string failing, passing;
        std::size_t failing_count = 0;
        Severity worst = Severity::info;
        for (const Finding* f : by_file[file]) {
            bool fails = f->severity >= options.fail_on;
            (fails ? failing : passing) += text_line(*f) + "\n";
            failing_count += fails ? 1 : 0;
            worst = std::max(worst, f->severity);
        }
        if (failing_count > 0) {
            ++failures;
            pugi::xml_node failure = test.append_child("failure");
            failure.append_attribute("message") = detail::plural(failing_count, "finding").c_str();
            failure.append_attribute("type") = std::string(to_string(worst)).c_str();
            failure.text() = xml_text(failing).c_str();
        }
        if (!passing.empty()) test.append_child("system-out").text() = xml_text(passing).c_str();
    }
    for (pugi::xml_node node : {suites, suite}) {
        node.prepend_attribute("time") = "0";
        node.prepend_attribute("errors") = "0";
        node.prepend_attribute("failures") = std::to_string(failures).c_str();
        node.prepend_attribute("tests") = std::to_string(cases.size()).c_str();
        node.prepend_attribute("name") = xml_text(options.tool_name).c_str();
    }
    suite.insert_attribute_after("skipped", suite.attribute("errors")) = "0";
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

// --- GitHub workflow commands ---

std::string github_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

std::string github_annotation(const Finding& f) {
    std::string_view command = f.severity == Severity::error     ? "error"
                               : f.severity == Severity::warning ? "warning"
                                                                 : "notice";
    std::string line = "::" + std::string(command) + " file=" + github_escape(f.file, true);
    if (f.xml_line > 0) line += ",line=" + std::to_string(f.xml_line);
    line += ",title=" + github_escape(f.rule, true) + "::";
    std::string message = f.message;
    if (f.source_line > 0) message += " (page line " + std::to_string(f.source_line) + ")";
    return line + github_escape(message, false);
}

// A finding past the annotation cap, as a log line no runner can take for a workflow command: no raw line break
// (a file name holding "\n::error ...") and no "::" at its start (a file name starting with it).
std::string github_log_line(const Finding& f) {
    std::string line = github_escape(text_line(f), false);
    if (line.starts_with(':')) line.replace(0, 1, "%3A");
    return line;
}

// GitHub shows only so many annotations per step: the most severe findings are annotated, the rest are printed as
// plain log lines, and the summary says how many were not annotated.
std::string write_github(const std::vector<Finding>& findings, const std::vector<std::string>& files,
                         const ReportOptions& options) {
    std::vector<std::size_t> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return findings[a].severity > findings[b].severity; });
    std::vector<bool> annotated(findings.size(), false);
    for (std::size_t k = 0; k < order.size() && k < options.github_annotation_cap; ++k) annotated[order[k]] = true;
    std::string out;
    for (std::size_t i = 0; i < findings.size(); ++i)
        out += (annotated[i] ? github_annotation(findings[i]) : github_log_line(findings[i])) + "\n";
    std::string summary = options.tool_name + ": " + summary_line(findings, files.size());
    if (findings.size() > options.github_annotation_cap)
        summary += " (" + std::to_string(findings.size() - options.github_annotation_cap) +
                   " not annotated, listed above as plain lines)";
    return out + summary + "\n";
}

}  // namespace

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::info:
            return "info";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "error";
}

std::optional<Severity> severity_from_string(std::string_view s) {
    for (Severity severity : {Severity::info, Severity::warning, Severity::error})
        if (s == to_string(severity)) return severity;
    return std::nullopt;
}

std::string fingerprint(const Finding& f) {
    std::string key = f.rule;
    key += '\x1f';
    key += f.file;
    key += '\x1f';
    key += f.subject;
    return sha256_hex(key).substr(0, 32);
}

std::optional<ReportFormat> report_format_from_string(std::string_view s) {
    if (s == "text") return ReportFormat::text;
    if (s == "json") return ReportFormat::json;
    if (s == "sarif") return ReportFormat::sarif;
    if (s == "junit") return ReportFormat::junit;
    if (s == "codeclimate") return ReportFormat::codeclimate;
    if (s == "github") return ReportFormat::github;
    return std::nullopt;
}

std::string write_report(ReportFormat format, const std::vector<Finding>& findings, const std::vector<RuleInfo>& rules,
                         const std::vector<std::string>& files, const ReportOptions& options) {
    switch (format) {
        case ReportFormat::text:
            return write_text(findings, files);
        case ReportFormat::json:
            return write_json(findings, files, options);
        case ReportFormat::sarif:
            return write_sarif(findings, rules, options);
        case ReportFormat::junit:
            return write_junit(findings, files, options);
        case ReportFormat::github:
            return write_github(findings, files, options);
        case ReportFormat::codeclimate:
            return detail::write_codeclimate(findings, options);
    }
    return {};
}

OCCKIT_END_IMPL_NAMESPACE
