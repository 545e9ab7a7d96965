// The layout engine's entry point: one pass over a page's blocks that places each in the profile as a layout's
// rules say. It sits below the pipeline (convert): it reads blocks and layout rules and builds a profile, and
// knows nothing of how pages are decoded, which layout was chosen, or how profiles are written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/page.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

// `keys` are fold_keys(doc.blocks). `base` is the generic layout of the set the layout was chosen from, whose
// headings, title patterns, mentions and furniture the layout inherits; nullptr when the set has none (then the
// layout's own rules are all there is). `url` (may be empty) is a title signal.
LaidOutPage run_layout_engine(const Document& doc, const LayoutRules& rules, const LayoutRules* base,
                              std::vector<std::string> keys, bool record_placements = true, std::string_view url = {});

OCCKIT_END_IMPL_NAMESPACE
