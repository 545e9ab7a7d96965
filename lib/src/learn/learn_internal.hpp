// The learner's parts shared between lib/src/learn/*.cpp: reading the pages (learn.cpp), the title's shape and
// the site's province (shape.cpp), and the draft layout file (draft_xml.cpp).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "occkit/blocks.hpp"
#include "occkit/learn.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace learn {

// One page as the learner sees it: its blocks and their fold_key()s.
struct PageBlocks {
    Document doc;
    std::vector<std::string> keys;
};

// The most common non-empty vote when at least `needed` votes cast it, else empty (ties: the smaller value).
std::string common_vote(const std::vector<std::string>& votes, std::size_t needed);

// Fills draft.site_name, title_from and title_has_code from the pages' <title> and first own block (the first
// block whose key is not in `repeated`); a shape counts when at least `needed` pages show it.
void read_title_shape(const std::vector<PageBlocks>& pages, const std::set<std::string>& repeated, std::size_t needed,
                      LayoutDraft& draft);

// The province the site's name and repeated lines name most ("XX" when none or a tie).
std::string jurisdiction_named(const LayoutDraft& draft);

// The layout file for the draft (schemas/layout.xsd).
std::string draft_xml(const LayoutDraft& draft, const LearnOptions& options);

}  // namespace learn
OCCKIT_END_IMPL_NAMESPACE
