// bytes -> decode -> blocks -> layout -> Profile, and the provenance that goes with it.
#include "occkit/convert.hpp"

#include "layout_rules.hpp"
#include "occkit/error.hpp"
#include "occkit/version.hpp"

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

Conversion convert(std::string_view bytes, const ConvertOptions& options) {
    const LayoutSet& set = options.layouts ? *options.layouts : LayoutSet::builtin();
    Decoded decoded = decode(bytes, options.format);
    Document doc = read_blocks(decoded, options.limits);
    Detection detection;
    std::vector<std::string> keys = fold_keys(doc.blocks);
    const Layout& layout = choose_layout(set, doc, keys, options, detection);
    Conversion result = apply_layout_folded(doc, layout, std::move(keys));
    result.detection = std::move(detection);
    if (options.layout.empty() && layout.id() == "generic")
        result.notes.push_back("no layout matched; used the generic layout");

    Source& src = result.profile.source;
    src.jurisdiction = layout.jurisdiction();
    src.layout = layout.id();
    src.url = options.url;
    src.format = doc.format == InputFormat::html ? "html" : "text";
    src.sha256 = sha256_hex(bytes);
    src.language = !doc.language.empty() ? doc.language : layout.language();
    src.charset = decoded.charset;
    return result;
}

}  // namespace occkit
