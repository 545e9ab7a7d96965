// bytes -> decode -> blocks -> layout -> Profile, and the provenance that goes with it.
#include "occkit/convert.hpp"

#include "layout_rules.hpp"
#include "occkit/error.hpp"
#include "occkit/version.hpp"
#include "occkit/xml.hpp"
#include "text_util.hpp"

namespace occkit {

const char* version() { return OCCKIT_VERSION_STRING; }

namespace {

const Layout& choose_layout(const LayoutSet& set, const Document& doc, const std::vector<std::string>& keys,
                            const ConvertOptions& options, Detection& detection) {
    if (!options.layout.empty()) {
        const Layout* chosen = set.find(options.layout);
        if (!chosen) {
            std::string known;
            for (const auto& l : set.layouts()) known += (known.empty() ? "" : ", ") + l.id();
            throw Error("unknown layout '" + options.layout + "' (known: " + known + ")");
        }
        detection = {chosen->id(), 1.0, {{chosen->id(), 1.0}}};
        return *chosen;
    }
    detection = detect_folded(set, doc, keys);
    const Layout* found = set.find(detection.layout);
    return found ? *found : set.generic();
}

}  // namespace

Document read_page_blocks(std::string_view bytes, InputFormat format, const BlockLimits& limits) {
    // An empty or blank input is almost always a failed download or a truncated copy: say so rather than write a
    // profile with nothing in it.
    if (bytes.empty()) throw Error("empty input");
    Document doc = read_blocks(decode(bytes, format), limits);
    if (doc.blocks.empty()) throw Error("no text in the input (only white space, markup or page chrome)");
    return doc;
}

Conversion convert(std::string_view bytes, const ConvertOptions& options) {
    const LayoutSet& set = options.layouts ? *options.layouts : LayoutSet::builtin();
    // The blocks hold their own copies of the text: the decoded page (as large as the input) is freed before the
    // layout builds the profile, which keeps peak memory on huge pages lower.
    Document doc = read_page_blocks(bytes, options.format, options.limits);
    Detection detection;
    std::vector<std::string> keys = fold_keys(doc.blocks);
    detail::RegexTimeoutScope regex_timeouts;  // a layout regex that runs out of steps is named in the notes
    const Layout& layout = choose_layout(set, doc, keys, options, detection);
    Conversion result = apply_layout_folded(doc, layout, std::move(keys), options.explain);
    result.detection = std::move(detection);
    if (options.layout.empty() && layout.id() == "generic")
        result.notes.push_back("no layout matched; used the generic layout");
    for (const auto& timeout : regex_timeouts.timeouts()) result.notes.push_back(timeout);

    Source& src = result.profile.source;
    src.jurisdiction = layout.jurisdiction();
    src.layout = layout.id();
    src.url = options.url;
    src.format = doc.format == InputFormat::html ? "html" : "text";
    src.sha256 = sha256_hex(bytes);
    // The page's declared language, else what its text reads as (a French page on a bilingual site, or through the
    // generic layout), else the layout's.
    std::string text_language = doc.language.empty() ? guess_language(doc) : std::string();
    src.language = !doc.language.empty() ? doc.language : !text_language.empty() ? text_language : layout.language();
    src.charset = doc.charset;
    return result;
}

Profile read_profile(std::string_view bytes, std::string_view path, const ConvertOptions& options) {
    if (is_canonical_xml(bytes, path)) return read_xml(bytes);
    return convert(bytes, options).profile;
}

}  // namespace occkit
