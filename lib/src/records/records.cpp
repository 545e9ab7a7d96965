// Page records in and out (occkit/records.hpp): the NDJSON filter's reading and writing, kept in the library so the
// CLI (`occkit convert --ndjson`, `occkit export --ndjson-records`) and the Python module share one definition.
// A bad record becomes an error record here; nothing a line holds can stop the stream.
#include "occkit/records.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "occkit/json.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using nlohmann::json;

// A string member, or "" when absent; throws when present with another type (null counts as absent).
std::string string_member(const json& object, const char* name, const std::string& id) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string()) throw RecordError(std::string("\"") + name + "\" is not a string", id);
    return it->get<std::string>();
}

std::string read_id(const json& object) {
    auto it = object.find("id");
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();  // ids from a counter
    throw RecordError("\"id\" is not a string", {});
}

std::string read_content(const json& object, const std::string& id, std::size_t max_bytes) {
    bool text = object.contains("content"), binary = object.contains("content_base64");
    if (text == binary)
        throw RecordError(text ? "both \"content\" and \"content_base64\"" : "no \"content\" or \"content_base64\"",
                          id);
    std::string content = string_member(object, text ? "content" : "content_base64", id);
    if (binary) try {
            content = base64_decode(content);
        } catch (const Error& e) {
            throw RecordError(e.what(), id);
        }
    if (content.size() > max_bytes)
        throw RecordError(
            "content of " + std::to_string(content.size()) + " bytes is over the limit of " + std::to_string(max_bytes),
            id);
    return content;
}

// JSON text of a string, or nullopt when it is not valid UTF-8.
std::optional<std::string> json_string(const std::string& s) {
    try {
        return json(s).dump();
    } catch (const json::type_error&) {
        return std::nullopt;
    }
}

// `"name":<value>,` for the members copied from input to output; nothing for an empty value.
void append_member(std::string& out, std::string_view name, const std::string& value) {
    if (value.empty()) return;
    out += '"';
    out += name;
    out += "\":";
    out += json_string(value).value_or(json(base64_encode(value)).dump());
    out += ',';
}

std::string error_record(const std::string& id, std::size_t line_number, const std::string& reason) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();  // "id" first, as in every output line
    out["id"] = id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(id);
    if (line_number > 0) out["line"] = line_number;
    out["error"] = reason;
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

}  // namespace

PageRecord read_page_record(std::string_view line, std::size_t max_bytes) {
    // JSON escapes make text at most six times longer ("\u0001"): a longer line cannot hold an allowed page, and is
    // refused before it is parsed into a second copy.
    if (max_bytes < SIZE_MAX / 8 && line.size() > max_bytes * 6 + 65536)
        throw RecordError("record of " + std::to_string(line.size()) + " bytes is over the limit", {});
    json object = json::parse(line, nullptr, false);
    if (object.is_discarded()) throw RecordError("not a JSON object (malformed JSON)", {});
    if (!object.is_object()) throw RecordError("not a JSON object", {});
    PageRecord record;
    record.id = read_id(object);
    record.url = string_member(object, "url", record.id);
    record.date = string_member(object, "date", record.id);
    record.content = read_content(object, record.id, max_bytes);
    return record;
}

std::string write_page_record(const PageRecord& record) {
    std::string out = "{";
    append_member(out, "id", record.id);
    append_member(out, "url", record.url);
    append_member(out, "date", record.date);
    if (auto text = json_string(record.content))
        out += "\"content\":" + *text;
    else
        out += "\"content_base64\":\"" + base64_encode(record.content) + '"';
    return out + "}\n";
}

std::string convert_page_record(std::string_view line, const ConvertOptions& options, std::size_t line_number,
                                std::size_t max_bytes) {
    std::string id;
    try {
        PageRecord record = read_page_record(line, max_bytes);
        id = record.id;
        ConvertOptions with_url = options;
        if (!record.url.empty()) with_url.url = record.url;
        with_url.explain = false;
        std::string profile = write_json(read_profile(record.content, {}, with_url), JsonStyle::compact);
        profile.pop_back();  // its newline: the record's own ends the line
        std::string out = "{";
        append_member(out, "id", record.id);
        append_member(out, "url", record.url);
        append_member(out, "date", record.date);
        return out + "\"profile\":" + profile + "}\n";
    } catch (const RecordError& e) {
        return error_record(e.id, line_number, e.what());
    } catch (const std::exception& e) {
        return error_record(id, line_number, e.what());
    }
}

OCCKIT_END_IMPL_NAMESPACE
