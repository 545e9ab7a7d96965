// `occkit layout learn`: what repeats across the pages of one site, read as a layout (occkit/learn.hpp).
// Every page is read into blocks as convert reads it; a block is keyed by fold_key() of its text and counted once
// per page. A key on enough pages repeats: when the content after it differs from page to page, it stands below
// the page's title (its first block of its own) and it reads as a heading (a short line, not a sentence), it is a
// section heading; otherwise it is chrome. Tables are std::map
// and vectors in page order, so the draft does not depend on hash order. The draft itself is written by
// draft_xml.cpp and checked by loading it as a layout.
#include "occkit/learn.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "layout/layout_rules.hpp"
#include "learn/learn_internal.hpp"
#include "occkit/cancel.hpp"
#include "occkit/decode.hpp"
#include "occkit/error.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using learn::PageBlocks;

// What is known of one repeated key over all the pages.
struct KeyStats {
    std::string text;             // first seen
    std::size_t pages = 0;        // pages that have it
    std::size_t varied = 0;       // occurrences followed by a block that does not repeat (page content)
    std::size_t seen = 0;         // occurrences
    std::size_t above_title = 0;  // occurrences above the page's first block of its own (its title)
    std::size_t order = 0;        // first appearance, over the pages in name order
};

PageBlocks read_page(const LearnPage& page, const BlockLimits& limits) {
    try {
        PageBlocks p{read_blocks(decode(page.bytes), limits), {}};
        p.keys = fold_keys(p.doc.blocks);
        if (p.doc.blocks.empty()) throw Error("no text to learn from");
        return p;
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        throw Error(page.name + ": " + e.what(), e.code(), page.name);
    }
}

std::map<std::string, KeyStats> count_keys(const std::vector<PageBlocks>& pages) {
    std::map<std::string, KeyStats> stats;
    std::size_t order = 0;
    for (const auto& p : pages) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < p.keys.size(); ++i) {
            if (p.keys[i].empty() || !seen.insert(p.keys[i]).second) continue;
            auto [it, fresh] = stats.try_emplace(p.keys[i]);
            if (fresh) it->second = KeyStats{p.doc.blocks[i].text, 0, 0, 0, 0, order++};
            ++it->second.pages;
        }
    }
    return stats;
}

// Second pass, once the repeated keys are known: is each repeated block followed by page content, and does it
// stand above the page's first block of its own?
void count_followers(const std::vector<PageBlocks>& pages, std::map<std::string, KeyStats>& stats, std::size_t needed) {
    auto repeats = [&](const std::string& key) {
        auto it = stats.find(key);
        return it != stats.end() && it->second.pages >= needed;
    };
    for (const auto& p : pages) {
        bool title_seen = false;
        for (std::size_t i = 0; i < p.keys.size(); ++i) {
            if (!repeats(p.keys[i])) {
                title_seen = title_seen || !p.keys[i].empty();
                continue;
            }
            auto& s = stats[p.keys[i]];
            ++s.seen;
            if (i + 1 < p.keys.size() && !repeats(p.keys[i + 1])) ++s.varied;
            if (!title_seen) ++s.above_title;
        }
    }
}

std::size_t word_count(std::string_view text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// A heading reads as a caption: a few words, no sentence end, no list-like lead-in of many words.
bool reads_as_heading(std::string_view text) {
    if (text.empty() || word_count(text) > 8) return false;
    char last = text.back();
    return last != '.' && last != '!' && last != ',' && last != ';';
}

std::string kind_of_heading(const std::string& key, const std::string& text) {
    const LayoutRules& generic = LayoutSet::builtin().generic().rules();
    if (const HeadingRule* rule = generic.heading_for(key, text)) return rule->kind;
    if (const std::string* kind = generic.keyword_kind(key)) return *kind;
    return "other";
}

// Sorts the repeated keys into headings and chrome, in the order they first appear.
void classify(const std::map<std::string, KeyStats>& stats, std::size_t needed, LayoutDraft& draft) {
    std::vector<std::pair<std::size_t, const std::pair<const std::string, KeyStats>*>> ordered;
    for (const auto& entry : stats)
        if (entry.second.pages >= needed) ordered.emplace_back(entry.second.order, &entry);
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [order, entry] : ordered) {
        const auto& [key, s] = *entry;
        // Above the occupation's name there is only the site's furniture, whatever follows it.
        bool before_content = 2 * s.varied > s.seen && 2 * s.above_title <= s.seen;
        if (before_content && reads_as_heading(s.text)) {
            draft.headings.push_back({s.text, kind_of_heading(key, s.text), s.pages});
        } else if (before_content && s.text.back() == ':') {
            continue;  // a lead-in shared by every page ("... the following duties:"): content, left to the layout
        } else {
            draft.chrome.push_back({s.text, "", s.pages});
        }
    }
}

std::size_t pages_needed(std::size_t pages, double share) {
    auto n = static_cast<std::size_t>(std::ceil(share * static_cast<double>(pages) - 1e-9));
    return std::max<std::size_t>(2, std::min(n, pages));
}

}  // namespace

LayoutDraft learn_layout(std::vector<LearnPage> pages, const LearnOptions& options) {
    if (pages.size() < 2) throw Error("layout learn: needs at least two pages of the site (ten or more is better)");
    std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::vector<PageBlocks> read;
    for (const auto& p : pages) read.push_back(read_page(p, options.limits));
    const std::size_t needed = pages_needed(pages.size(), options.common_share);
    auto stats = count_keys(read);
    count_followers(read, stats, needed);

    LayoutDraft draft;
    draft.pages = pages.size();
    classify(stats, needed, draft);
    std::vector<std::string> languages;
    for (const auto& p : read) languages.push_back(p.doc.language.empty() ? guess_language(p.doc) : p.doc.language);
    draft.language = learn::common_vote(languages, 1).starts_with("fr") ? "fr" : "en";
    std::set<std::string> repeated;
    for (const auto& [key, s] : stats)
        if (s.pages >= needed) repeated.insert(key);
    learn::read_title_shape(read, repeated, needed, draft);
    draft.jurisdiction = options.jurisdiction.empty() ? learn::jurisdiction_named(draft) : options.jurisdiction;
    draft.xml = learn::draft_xml(draft, options);
    LayoutSet check;
    check.add_xml(draft.xml, "layout learn draft");  // the draft loads as a layout, or this is a bug
    return draft;
}

OCCKIT_END_IMPL_NAMESPACE
