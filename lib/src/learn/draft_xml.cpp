// The layout file `occkit layout learn` drafts (schemas/layout.xsd), written with pugixml so every text is escaped.
// Comments say where each rule came from (on how many pages), for the maintainer who reviews the draft.
#include "occkit/api.hpp"
#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "learn/learn_internal.hpp"
#include "support/resources.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace learn {

namespace {

std::string on_pages(std::size_t n, std::size_t of) {
    return " on " + std::to_string(n) + " of " + std::to_string(of) + " pages ";
}

// Signatures: the site name in <title>, then the headings most pages share (at most max_signatures of them).
void add_detect(pugi::xml_node layout, const LayoutDraft& draft, const LearnOptions& options) {
    std::vector<const LearnedLine*> headings;
    for (const auto& h : draft.headings) headings.push_back(&h);
    std::stable_sort(headings.begin(), headings.end(), [](auto* a, auto* b) { return a->pages > b->pages; });
    headings.resize(std::min(headings.size(), options.max_signatures));
    if (headings.empty() && draft.site_name.empty()) return;
    auto detect = layout.append_child("detect");
    detect.append_attribute("threshold") = std::max<std::size_t>(3, headings.size());
    if (!draft.site_name.empty()) {
        auto sig = detect.append_child("signature");
        sig.append_attribute("weight") = 5;
        sig.append_attribute("in") = "html-title";
        sig.append_attribute("match") = "contains";
        sig.text() = draft.site_name.c_str();
    }
    for (const auto* h : headings) {
        auto sig = detect.append_child("signature");
        sig.append_attribute("weight") = 2;
        sig.text() = h->text.c_str();
    }
}

void add_title(pugi::xml_node layout, const LayoutDraft& draft) {
    auto title = layout.append_child("title");
    title.append_attribute("from") = draft.title_from.c_str();
    if (draft.title_has_code)
        title.append_attribute("pattern") =
            R"(^(?<title>.+?) \((?<scheme>NOC|CNP)(?: (?<version>\d{4}))? (?<code>\d{4,5}(?:\.\d{1,2})?)\)$)";
}

void add_chrome(pugi::xml_node layout, const LayoutDraft& draft) {
    if (draft.chrome.empty()) return;
    auto chrome = layout.append_child("chrome");
    chrome.append_child(pugi::node_comment).set_value(" blocks repeated verbatim on most pages ");
    for (const auto& c : draft.chrome) {
        chrome.append_child(pugi::node_comment).set_value(on_pages(c.pages, draft.pages).c_str());
        chrome.append_child("line").text() = c.text.c_str();
    }
}

// The generic layout's rules of one element (fields, mentions, tables), which a layout does not inherit: codes
// and facts stated in the usual ways, wage tables. The reviewer keeps what the site uses.
void add_generic(pugi::xml_node layout, const char* element) {
    static const pugi::xml_document generic = [] {
        pugi::xml_document doc;
        for (const auto& r : resources::layouts())
            if (r.name == "generic.xml") doc.load_buffer(r.text.data(), r.text.size());
        return doc;
    }();
    auto rules = generic.child("layout").child(element);
    if (!rules) return;
    std::string note = " " + std::string(element) + " of the generic layout ";
    layout.append_child(pugi::node_comment).set_value(note.c_str());
    layout.append_copy(rules);
}

void add_headings(pugi::xml_node layout, const LayoutDraft& draft) {
    if (draft.headings.empty()) return;
    auto headings = layout.append_child("headings");
    headings.append_child(pugi::node_comment)
        .set_value(" kinds guessed from the generic layout's synonyms and keywords; \"other\": none matched ");
    for (const auto& h : draft.headings) {
        headings.append_child(pugi::node_comment).set_value(on_pages(h.pages, draft.pages).c_str());
        auto heading = headings.append_child("heading");
        heading.append_attribute("kind") = h.kind.c_str();
        heading.text() = h.text.c_str();
    }
}

}  // namespace

std::string draft_xml(const LayoutDraft& draft, const LearnOptions& options) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    std::string note = " Drafted by `occkit layout learn` from " + std::to_string(draft.pages) +
                       " pages: review every rule, then keep it with the layout-file option of convert. ";
    doc.append_child(pugi::node_comment).set_value(note.c_str());
    auto layout = doc.append_child("layout");
    layout.append_attribute("xmlns") = "urn:occkit:layout:1";
    layout.append_attribute("id") = options.id.c_str();
    std::string name = !options.name.empty()      ? options.name
                       : !draft.site_name.empty() ? draft.site_name
                                                  : std::string("Draft layout");
    layout.append_attribute("name") = name.c_str();
    layout.append_attribute("jurisdiction") = draft.jurisdiction.c_str();
    layout.append_attribute("language") = draft.language.c_str();
    add_detect(layout, draft, options);
    add_title(layout, draft);
    auto intro = layout.append_child("intro");
    intro.append_attribute("kind") = "overview";
    intro.append_attribute("heading") = "Overview";
    add_chrome(layout, draft);
    add_generic(layout, "fields");
    add_generic(layout, "mentions");
    add_headings(layout, draft);
    add_generic(layout, "tables");
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace learn
OCCKIT_END_IMPL_NAMESPACE
