// occkit export / import: the canonical document as JSON, JSON-LD or NDJSON, and JSON back to canonical XML.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "batch.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "manner.hpp"
#include "ndjson.hpp"
#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/json.hpp"
#include "occkit/xml.hpp"
#include "page_options.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

// What `occkit import` reads: the JSON mapping, one document per file or one per line.
const std::vector<std::string> import_extensions = {".json", ".ndjson", ".jsonl"};

// --- inputs ---

std::string_view skip_space(std::string_view s) {
    std::size_t first = s.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view{} : s.substr(first);
}

// Canonical documents may follow one another in one input (cat xml/*.xml | occkit export --format ndjson -, or what
// `occkit import` makes of NDJSON): each starts with an XML declaration at the start of a line.
std::vector<std::string_view> split_xml_documents(std::string_view bytes) {
    std::vector<std::string_view> documents;
    std::size_t start = 0;
    for (std::size_t at = bytes.find("\n<?xml ", 0); at != std::string_view::npos;
         at = bytes.find("\n<?xml ", at + 1)) {
        documents.push_back(bytes.substr(start, at + 1 - start));
        start = at + 1;
    }
    documents.push_back(bytes.substr(start));
    return documents;
}

// One document of an input: its profile, or why it has none. `where` names the document in a stream ("document
// 3: "), and is empty for an input holding one.
struct Document {
    std::string where;
    std::optional<Profile> profile;
    std::string error;
};

struct ExportSettings {
    ConvertOptions convert;
    bool quiet = false;
};

std::vector<Document> read_documents(const InputFile& in, const ExportSettings& settings) {
    std::string bytes = read_input(in.path);
    if (!is_canonical_xml(bytes, in.path)) {
        Conversion conversion = convert(bytes, settings.convert);
        if (!settings.quiet)
            for (const auto& text : conversion.notes) report("occkit: " + in.path + ": note: " + text);
        return {Document{"", std::move(conversion.profile), ""}};
    }
    std::vector<std::string_view> pieces = split_xml_documents(bytes);
    std::vector<Document> documents;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Document document;
        if (pieces.size() > 1) document.where = "document " + std::to_string(i + 1) + ": ";
        try {
            document.profile = read_xml(pieces[i]);
        } catch (const Error& e) {
            document.error = e.what();
        }
        documents.push_back(std::move(document));
    }
    return documents;
}

// The NDJSON form: an input whose first non-blank line is a whole object holds one document per non-blank line.
bool is_ndjson(std::string_view bytes) {
    std::string_view first = skip_space(bytes);
    first = first.substr(0, first.find('\n'));
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ' || first.back() == '\t'))
        first.remove_suffix(1);
    return first.starts_with("{") && first.ends_with("}");
}

// JSON documents of an import input: the whole input, or each non-blank line of NDJSON ("line 7: ").
std::vector<std::pair<std::string, std::string_view>> split_json_documents(std::string_view bytes) {
    if (!is_ndjson(bytes)) return {{"", bytes}};
    std::vector<std::pair<std::string, std::string_view>> documents;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < bytes.size();) {
        std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        ++line_number;
        std::string_view line = bytes.substr(start, end - start);
        if (!skip_space(line).empty()) documents.emplace_back("line " + std::to_string(line_number) + ": ", line);
        start = end + 1;
    }
    return documents;
}

// Errors of the documents of one input: all but the last are reported here; the last is returned for run_batch to
// report and count, so a stream with bad documents counts as one failed input.
std::string report_document_errors(const InputFile& in, const std::vector<std::string>& errors) {
    if (errors.empty()) return {};
    for (std::size_t i = 0; i + 1 < errors.size(); ++i) report("occkit: " + in.path + ": " + errors[i]);
    return errors.back();
}

// --- outputs ---

// Writes each input's text in input order, whatever order the jobs finish in: a stream (NDJSON) stays in the order
// of the inputs, and each input's text goes out whole or not at all. A write error (a closed pipe) stops the
// writing; error() says why.
class OrderedOutput {
public:
    OrderedOutput(std::size_t count, std::string path) : pending_(count), path_(std::move(path)) {}

    // Exactly once per input; empty text for an input that failed.
    void put(std::size_t index, std::string text) {
        std::lock_guard lock(mutex_);
        pending_[index] = std::move(text);
        for (; next_ < pending_.size() && pending_[next_]; ++next_) {
            std::string ready = std::move(*pending_[next_]);
            pending_[next_] = std::string();  // keeps the slot marked as done, without the text
            write(ready);
        }
    }

    // For -o FILE: the whole stream, written atomically once every input is in. An interrupted stream is still
    // written (what it holds is whole profiles), and ends with a line that says it stops early:
    // {"interrupted":true,"inputs":5000,"inputsDone":4294}.
    void finish(const ProtectedPaths& protected_inputs) {
        if (path_ != "-" && error_.empty()) {
            if (interrupted())
                buffer_ += "{\"interrupted\":true,\"inputs\":" + std::to_string(pending_.size()) +
                           ",\"inputsDone\":" + std::to_string(next_) + "}\n";
            try {
                write_file_atomic(path_, buffer_, protected_inputs);
            } catch (const std::exception& e) {
                error_ = e.what();
            }
        }
    }

    const std::string& error() const { return error_; }

private:
    void write(const std::string& text) {
        if (text.empty() || !error_.empty()) return;
        if (path_ != "-") {
            buffer_ += text;
            return;
        }
        try {
            write_to_stdout(text);
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }

    std::mutex mutex_;
    std::vector<std::optional<std::string>> pending_;
    std::size_t next_ = 0;
    std::string path_;
    std::string buffer_;
    std::string error_;
};

std::string serialise(const Profile& profile, const std::string& format) {
    if (format == "jsonld") return write_jsonld(profile);
    if (format == "ndjson") return write_json(profile, JsonStyle::compact);
    return write_json(profile);
}

std::string extension_for(const std::string& format) { return format == "jsonld" ? ".jsonld" : ".json"; }

struct ExportOptions {
    std::vector<std::string> inputs;
    std::string output;
    std::string format = "json";
    std::string url;
    PageOptions pages;  // how pages are converted
    unsigned jobs = 1;
    bool records = false;  // --ndjson-records: page records for `occkit convert --ndjson` instead
};

// json and jsonld: one document per input, to stdout, a file, or a directory of mirrored paths.
int export_documents(const ExportOptions& opt, std::vector<InputFile>& inputs, const ExportSettings& settings) {
    bool to_dir = names_directory(opt.inputs, inputs, opt.output);
    if (to_dir && opt.output.empty()) {
        usage_error("export", "several inputs need -o DIR (outputs mirror the input paths), or --format ndjson");
        return exit_usage;
    }
    if (std::string refused = to_dir ? output_for_several_inputs(opt.output) : ""; !refused.empty()) {
        usage_error("export", refused);
        return exit_usage;
    }
    const ProtectedPaths protected_inputs(input_paths(inputs));
    const std::vector<fs::path> outputs =
        to_dir ? output_paths_for(inputs, opt.output, extension_for(opt.format)) : std::vector<fs::path>{};
    OrderedOutput out(inputs.size(), "-");
    auto work = [&](const InputFile& in) -> std::string {
        auto index = static_cast<std::size_t>(&in - inputs.data());
        std::string text;
        std::string error;
        try {
            std::vector<Document> documents = read_documents(in, settings);
            if (documents.size() > 1)
                throw Error("holds " + std::to_string(documents.size()) +
                            " documents; --format ndjson writes one line for each");
            if (!documents[0].profile) throw Error(documents[0].error);
            text = serialise(*documents[0].profile, opt.format);
            if (to_dir || !opt.output.empty()) {
                write_file_atomic(to_dir ? outputs[index] : fs::path(opt.output), text, protected_inputs);
                text.clear();
            }
        } catch (const std::exception& e) {
            text.clear();
            error = e.what();
        }
        out.put(index, std::move(text));
        return error;
    };
    std::size_t failed = run_batch(inputs, opt.jobs, work, "exporting");
    if (!out.error().empty()) report("occkit: " + out.error());
    if (to_dir && !quiet())
        report("occkit: exported " + std::to_string(inputs.size() - failed) + " of " + std::to_string(inputs.size()) +
               " input(s) into " + opt.output);
    return interrupted() ? exit_interrupted : failed || !out.error().empty() ? exit_failures : exit_ok;
}

// ndjson: one line per document, every input into one stream, in input order. A bad input or document costs its
// own line only.
int export_stream(const ExportOptions& opt, const std::vector<InputFile>& inputs, const ExportSettings& settings) {
    const ProtectedPaths protected_inputs(input_paths(inputs));
    OrderedOutput out(inputs.size(), opt.output.empty() ? "-" : opt.output);
    auto work = [&](const InputFile& in) -> std::string {
        auto index = static_cast<std::size_t>(&in - inputs.data());
        std::string lines;
        std::vector<std::string> errors;
        try {
            for (const Document& document : read_documents(in, settings)) {
                if (document.profile)
                    lines += write_json(*document.profile, JsonStyle::compact);
                else
                    errors.push_back(document.where + document.error);
            }
        } catch (const std::exception& e) {
            errors.push_back(e.what());
        }
        out.put(index, std::move(lines));
        return report_document_errors(in, errors);
    };
    std::size_t failed = run_batch(inputs, opt.jobs, work, "exporting");
    out.finish(protected_inputs);
    if (!out.error().empty()) report("occkit: " + out.error());
    return interrupted() ? exit_interrupted : failed || !out.error().empty() ? exit_failures : exit_ok;
}

struct ImportOptions {
    std::vector<std::string> inputs;
    std::string output;
};

// Each input's documents as canonical XML, one after another, to stdout, a file, or a directory of mirrored paths.
int import_documents(const ImportOptions& opt, std::vector<InputFile>& inputs) {
    bool to_dir = names_directory(opt.inputs, inputs, opt.output);
    if (to_dir && opt.output.empty()) {
        usage_error("import", "several inputs need -o DIR (outputs mirror the input paths)");
        return exit_usage;
    }
    if (std::string refused = to_dir ? output_for_several_inputs(opt.output) : ""; !refused.empty()) {
        usage_error("import", refused);
        return exit_usage;
    }
    const ProtectedPaths protected_inputs(input_paths(inputs));
    const std::vector<fs::path> outputs =
        to_dir ? output_paths_for(inputs, opt.output, ".xml") : std::vector<fs::path>{};
    OrderedOutput out(inputs.size(), "-");
    auto work = [&](const InputFile& in) -> std::string {
        auto index = static_cast<std::size_t>(&in - inputs.data());
        std::string xml;
        std::vector<std::string> errors;
        try {
            std::string bytes = read_input(in.path);
            for (const auto& [where, json] : split_json_documents(bytes)) {
                try {
                    xml += write_xml(read_json(json));
                } catch (const Error& e) {
                    errors.push_back(where + e.what());
                }
            }
            // Nothing is written for an input none of whose documents could be read.
            if (!xml.empty() && (to_dir || !opt.output.empty())) {
                write_file_atomic(to_dir ? outputs[index] : fs::path(opt.output), xml, protected_inputs);
                xml.clear();
            }
        } catch (const std::exception& e) {
            xml.clear();
            errors.push_back(e.what());
        }
        out.put(index, std::move(xml));
        return report_document_errors(in, errors);
    };
    std::size_t failed = run_batch(inputs, 1, work, "importing");
    if (!out.error().empty()) report("occkit: " + out.error());
    return interrupted() ? exit_interrupted : failed || !out.error().empty() ? exit_failures : exit_ok;
}

}  // namespace

void add_export(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("export", "Write profiles as JSON, schema.org JSON-LD or NDJSON");
    auto opt = std::make_shared<ExportOptions>();
    cmd->add_option("inputs", opt->inputs,
                    "Canonical XML or pages to convert; directories recursively (.xml .html .htm .txt); - or nothing "
                    "for stdin");
    cmd->add_option("-f,--format", opt->format,
                    "json: the canonical document (schemas/occupation.schema.json); jsonld: schema.org Occupation; "
                    "ndjson: one compact json document per line, all inputs in one stream")
        ->check(CLI::IsMember({"json", "jsonld", "ndjson"}))
        ->capture_default_str();
    cmd->add_option("-o,--output", opt->output,
                    "Output file; for json and jsonld with several inputs a directory (mirrored paths, .json or "
                    ".jsonld)");
    cmd->add_option("--url", opt->url, "Source URL to record for pages converted here");
    opt->pages.add_to(cmd);
    cmd->add_option("-j,--jobs", opt->jobs, "Export N inputs in parallel (the output order stays the input order)")
        ->check(CLI::Range(1u, 256u));
    cmd->add_flag("--ndjson-records", opt->records,
                  "Write the pages of the inputs (directories, web archives) as page records for `occkit convert "
                  "--ndjson`, to stdout")
        ->excludes(cmd->get_option("--output"), cmd->get_option("--format"));
    cmd->callback([opt, &rc] {
        if (opt->records) {
            rc = export_page_records(opt->inputs, document_extensions, default_max_input_bytes);
            return;
        }
        auto convert_options = opt->pages.convert_options("export");
        if (!convert_options) {
            rc = exit_usage;
            return;
        }
        ExportSettings settings;
        settings.convert = std::move(*convert_options);
        settings.convert.url = opt->url;
        settings.quiet = quiet();
        auto inputs = inputs_or_stdin(opt->inputs, document_extensions);
        rc = opt->format == "ndjson" ? export_stream(*opt, inputs, settings) : export_documents(*opt, inputs, settings);
    });

    auto* import_cmd = app.add_subcommand("import", "Turn the JSON of `occkit export` back into canonical XML");
    auto iopt = std::make_shared<ImportOptions>();
    import_cmd->add_option("inputs", iopt->inputs,
                           "JSON files (NDJSON: one document per line) or directories (.json .ndjson .jsonl); - or "
                           "nothing for stdin");
    import_cmd->add_option("-o,--output", iopt->output,
                           "Output file, or a directory for several inputs (mirrored paths, .xml). NDJSON gives one "
                           "canonical document after another, which `occkit export` reads back");
    import_cmd->callback([iopt, &rc] {
        auto inputs = inputs_or_stdin(iopt->inputs, import_extensions);
        rc = import_documents(*iopt, inputs);
    });
}

}  // namespace occkit::cli
