// bytes -> decode -> blocks -> layout -> Profile, and the provenance that goes with it.
#include "occkit/convert.hpp"

#include <utility>

#include "layout/jurisdiction.hpp"
#include "layout/layout_engine.hpp"
#include "layout/layout_rules.hpp"
#include "occkit/cancel.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/version.hpp"
#include "occkit/xml.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

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
    if (!found) throw Error("no layout matched the page, and the layout set has no generic layout to fall back on");
    return *found;
}

// The engine's result with nothing else known yet: the caller adds the detection, notes and provenance.
Conversion conversion_of(LaidOutPage page) {
    Conversion c;
    c.profile = std::move(page.profile);
    c.placements = std::move(page.placements);
    return c;
}

// The set's generic layout is the base every layout of the set inherits from; a set without one gives none.
const LayoutRules* base_rules(const LayoutSet& set) {
    const Layout* generic = set.find("generic");
    return generic ? &generic->rules() : nullptr;
}

void add_speech(const std::vector<Section>& sections, detail::PageSpeech& speech) {
    constexpr std::size_t lead_paragraphs = 8, max_headings = 40;
    for (const auto& s : sections) {
        if (speech.headings.size() < max_headings && !s.heading.empty()) speech.headings.push_back(s.heading);
        for (const auto& c : s.content) {
            if (speech.lead.size() >= lead_paragraphs) break;
            if (c.kind == Content::Kind::paragraph) speech.lead.push_back(c.paragraph.text);
        }
        add_speech(s.subsections, speech);
    }
}

// The layout's jurisdiction for a provincial site; else the --url host's; else the province the page names where
// it speaks of itself. A national layout's page about one province ("... in Ontario") is that province's.
std::string jurisdiction_for(const Layout& layout, const Document& doc, const Profile& profile, std::string_view url) {
    const std::string& declared = layout.jurisdiction();
    if (declared != "XX" && declared != "CA") return declared;
    if (std::string host = detail::jurisdiction_of_url(url); !host.empty()) return host;
    constexpr std::size_t edge_lines = 30;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)  // "careers.novascotia.ca" in the page's header or footer
        if (i < edge_lines || i + edge_lines / 2 >= doc.blocks.size())
            if (std::string host = detail::jurisdiction_of_host_in(doc.blocks[i].text); !host.empty()) return host;
    detail::PageSpeech speech;
    if (profile.title) speech.title = profile.title->text;
    speech.html_title = doc.html_title;
    for (const auto& f : profile.facts) speech.lead.push_back(f.value);
    add_speech(profile.sections, speech);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)
        if (i < edge_lines || i + edge_lines / 2 >= doc.blocks.size()) speech.edges.push_back(doc.blocks[i].text);
    // A national site's page becomes a province's only on clear evidence; a site without a layout takes the
    // province it names, even once (a truncated capture may name it once).
    constexpr int national_site_min_votes = 2, unknown_site_min_votes = 1;
    std::string named =
        detail::jurisdiction_named(speech, declared == "CA" ? national_site_min_votes : unknown_site_min_votes);
    return named.empty() ? declared : named;
}

// The page's blocks. `owned`, when the caller handed its bytes over, is freed as soon as they are decoded: on a
// huge page the input, its decoded text and the blocks are then never all alive at once.
Document page_blocks(std::string_view bytes, std::string* owned, InputFormat format, const BlockLimits& limits) {
    // An empty or blank input is almost always a failed download or a truncated copy: say so rather than write a
    // profile with nothing in it.
    if (bytes.empty()) throw Error("empty input");
    Decoded decoded = decode(bytes, format);
    if (owned) std::string().swap(*owned);
    throw_if_cancelled();
    Document doc = read_blocks(decoded, limits);
    if (doc.blocks.empty()) throw Error("no text in the input (only white space, markup or page chrome)");
    return doc;
}

Conversion convert_page(std::string_view bytes, std::string* owned, const ConvertOptions& options) {
    const LayoutSet& set = options.layouts ? *options.layouts : LayoutSet::builtin();
    std::string sha256 = sha256_hex(bytes);  // before `owned` is freed
    // The blocks hold their own copies of the text: the decoded page (as large as the input) is freed before the
    // layout builds the profile, which keeps peak memory on huge pages lower. `bytes` may view `owned`, which
    // page_blocks frees: it is emptied here so that nothing below can read freed memory through it.
    Document doc = page_blocks(std::exchange(bytes, {}), owned, options.format, options.limits);
    Detection detection;
    std::vector<std::string> keys = fold_keys(doc.blocks);
    detail::RegexTimeoutScope regex_timeouts;  // a layout regex that runs out of steps is named in the notes
    const Layout& layout = choose_layout(set, doc, keys, options, detection);
    throw_if_cancelled();
    // Without --url, where the page says it lives (its canonical link) tells the site and the page's slug.
    const std::string_view url = options.url.empty() ? std::string_view(doc.page_url) : std::string_view(options.url);
    Conversion result =
        conversion_of(run_layout_engine(doc, layout.rules(), base_rules(set), std::move(keys), options.explain, url));
    throw_if_cancelled();
    result.detection = std::move(detection);
    if (options.layout.empty() && layout.id() == "generic")
        result.notes.push_back("no layout matched; used the generic layout");
    for (const auto& timeout : regex_timeouts.timeouts()) result.notes.push_back(timeout);

    Source& src = result.profile.source;
    src.jurisdiction = jurisdiction_for(layout, doc, result.profile, url);
    src.layout = layout.id();
    src.url = options.url;
    src.format = doc.format == InputFormat::html ? "html" : "text";
    src.sha256 = std::move(sha256);
    // The page's declared language, else what its text reads as (a French page on a bilingual site, or through the
    // generic layout), else the layout's.
    std::string text_language = doc.language.empty() ? guess_language(doc) : std::string();
    src.language = !doc.language.empty() ? doc.language : !text_language.empty() ? text_language : layout.language();
    src.charset = doc.charset;
    return result;
}

}  // namespace

Document read_page_blocks(std::string_view bytes, InputFormat format, const BlockLimits& limits) {
    return page_blocks(bytes, nullptr, format, limits);
}

Conversion convert(std::string_view bytes, const ConvertOptions& options) {
    return convert_page(bytes, nullptr, options);
}

Conversion convert_taking(std::string&& bytes, const ConvertOptions& options) {
    std::string page = std::move(bytes);
    return convert_page(page, &page, options);
}

Conversion convert_file(const std::string& path, const ConvertOptions& options) {
    std::string bytes = read_input(path);  // its errors name the path already
    try {
        return convert_taking(std::move(bytes), options);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        throw Error(path + ": " + e.what(), e.code(), path);
    }
}

Profile read_profile(std::string_view bytes, std::string_view path, const ConvertOptions& options) {
    if (is_canonical_xml(bytes, path)) return read_xml(bytes);
    return convert(bytes, options).profile;
}

Conversion apply_layout(const Document& doc, const Layout& layout, const LayoutSet& layouts) {
    return conversion_of(run_layout_engine(doc, layout.rules(), base_rules(layouts), fold_keys(doc.blocks)));
}

OCCKIT_END_IMPL_NAMESPACE
