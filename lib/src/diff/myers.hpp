// Longest common subsequence by Myers' O((N+M)D) algorithm ("An O(ND) Difference Algorithm and Its Variations",
// 1986), in linear space: the middle snake splits the problem in two, recursively. Used by the profile diff for
// section order, content units and words. Not installed.
#pragma once

#include "occkit/api.hpp"
#include <cstddef>
#include <span>
#include <vector>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

struct IndexPair {
    std::size_t old_index = 0;
    std::size_t new_index = 0;
};

// Elements are ids: equal ids are equal elements (intern texts into ids first, so each comparison is one integer
// compare). Returns the matched pairs of one longest common subsequence, in increasing order on both sides.
std::vector<IndexPair> longest_common_subsequence(std::span<const int> old_ids, std::span<const int> new_ids);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
