// Reports for CI services beyond SARIF/JUnit (findings.hpp): GitLab Code Quality (Code Climate JSON), the markdown
// summary a GitHub job shows ($GITHUB_STEP_SUMMARY), and paths relative to a root, which make baselines and these
// reports independent of how the inputs were typed or where the command ran.
#include "validate/report_ci.hpp"

#include <filesystem>
#include <map>
#include <optional>

#include "json/json_writer.hpp"
#include "occkit/findings.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace fs = std::filesystem;

std::string path_below_root(const std::string& file, const std::string& root) {
    if (root.empty() || file.empty() || file == "-") return file;
    std::error_code ec;
    fs::path absolute_file = fs::absolute(file, ec).lexically_normal();
    fs::path absolute_root = fs::absolute(root, ec).lexically_normal();
    if (ec) return file;
    fs::path relative = absolute_file.lexically_relative(absolute_root);
    if (relative.empty() || *relative.begin() == "..") return file;
    return relative.generic_string();
}

std::string common_root(const std::vector<std::string>& inputs) {
    std::optional<fs::path> root;
    for (const std::string& input : inputs) {
        if (input == "-") continue;
        std::error_code ec;
        fs::path path = fs::absolute(input, ec).lexically_normal();
        if (ec) continue;
        if (!fs::is_directory(path, ec)) path = path.parent_path();
        if (!root) {
            root = path;
            continue;
        }
        fs::path shared;
        for (auto a = root->begin(), b = path.begin(); a != root->end() && b != path.end() && *a == *b; ++a, ++b)
            shared /= *a;
        root = shared;
    }
    return root ? root->string() : std::string();
}

namespace detail {

namespace {

// Code Climate severities: info, minor, major, critical, blocker.
std::string_view codeclimate_severity(Severity s) {
    return s == Severity::error ? "major" : s == Severity::warning ? "minor" : "info";
}

}  // namespace

// GitLab Code Quality: an array of issues, each with a description, a check name, a fingerprint (unique per
// issue), a severity and a location (path relative to the repository, begin line).
std::string write_codeclimate(const std::vector<Finding>& findings, const ReportOptions& options) {
    JsonWriter json(JsonStyle::pretty);
    json.begin_array();
    std::map<std::string, int> seen;  // fingerprint -> occurrences so far, so repeated findings stay distinct
    for (const Finding& f : findings) {
        Finding located = f;
        located.file = path_below_root(f.file, options.root);
        std::string fp = fingerprint(located);
        if (int n = seen[fp]++; n > 0) fp += "-" + std::to_string(n);
        json.begin_object().key("type").string("issue");
        json.key("check_name").string(f.rule).key("description").string(f.message);
        json.key("categories").begin_array().string("Bug Risk").end_array();
        json.key("fingerprint").string(fp).key("severity").string(codeclimate_severity(f.severity));
        json.key("location").begin_object().key("path").string(located.file);
        json.key("lines").begin_object().key("begin").integer(f.xml_line > 0 ? f.xml_line : 1).end_object();
        json.end_object().end_object();
    }
    json.end_array();
    return json.finish();
}

}  // namespace detail

std::string write_markdown_summary(const std::vector<Finding>& findings, const std::vector<std::string>& files,
                                   const ReportOptions& options, std::size_t max_rows) {
    std::map<Severity, std::size_t> counts;
    for (const Finding& f : findings) ++counts[f.severity];
    std::string out = "### " + options.tool_name + " validate\n\n";
    out += "Checked " + detail::plural(files.size(), "file") + ": ";
    if (findings.empty()) return out + "no findings.\n";
    out += detail::plural(counts[Severity::error], "error") + ", " +
           detail::plural(counts[Severity::warning], "warning") + ", " + std::to_string(counts[Severity::info]) +
           " info.\n\n| Severity | File | Line | Rule | Message |\n"
           "|---|---|---|---|---|\n";
    auto cell = [](std::string text) {
        std::string escaped;
        for (char c : text) escaped += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
        return escaped;
    };
    std::size_t rows = 0;
    for (const Finding& f : findings) {
        if (rows++ == max_rows) {
            out += "\n" + detail::plural(findings.size() - max_rows, "more finding") + " not shown.\n";
            break;
        }
        out += "| " + std::string(to_string(f.severity)) + " | " + cell(path_below_root(f.file, options.root)) + " | " +
               (f.xml_line > 0 ? std::to_string(f.xml_line) : "") + " | `" + f.rule + "` | " + cell(f.message) + " |\n";
    }
    return out;
}

OCCKIT_END_IMPL_NAMESPACE
