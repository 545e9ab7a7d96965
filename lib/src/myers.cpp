// Myers' LCS with the middle-snake split (the "bisect" formulation: a forward and a backward search meet on a
// diagonal; each half is then solved on its own). Time O((N+M)D), memory O(N+M).
#include "myers.hpp"

#include <vector>

namespace occkit::detail {

namespace {

using Index = std::ptrdiff_t;

class Lcs {
public:
    Lcs(std::span<const int> a, std::span<const int> b) : a_(a), b_(b) {}

    std::vector<IndexPair> run() {
        solve(0, static_cast<Index>(a_.size()), 0, static_cast<Index>(b_.size()));
        return std::move(matches_);
    }

private:
    std::span<const int> a_;
    std::span<const int> b_;
    std::vector<IndexPair> matches_;

    void match(Index x, Index y) { matches_.push_back({static_cast<std::size_t>(x), static_cast<std::size_t>(y)}); }

    // Matches of a[a_lo, a_hi) against b[b_lo, b_hi), appended in order.
    void solve(Index a_lo, Index a_hi, Index b_lo, Index b_hi) {
        // Common prefix and suffix need no search; most real edits leave long ones.
        while (a_lo < a_hi && b_lo < b_hi && a_[a_lo] == b_[b_lo]) match(a_lo++, b_lo++);
        Index suffix = 0;
        while (a_lo < a_hi - suffix && b_lo < b_hi - suffix && a_[a_hi - 1 - suffix] == b_[b_hi - 1 - suffix]) ++suffix;
        a_hi -= suffix;
        b_hi -= suffix;
        if (a_lo < a_hi && b_lo < b_hi) {
            Index split_a = 0;
            Index split_b = 0;
            if (middle_snake(a_lo, a_hi, b_lo, b_hi, split_a, split_b)) {
                solve(a_lo, split_a, b_lo, split_b);
                solve(split_a, a_hi, split_b, b_hi);
            }
        }
        for (Index i = 0; i < suffix; ++i) match(a_hi + i, b_hi + i);
    }

    // Finds where the forward and backward furthest-reaching paths overlap; returns false when the ranges share no
    // element at all. Both ranges are non-empty and differ in their first and last elements.
    bool middle_snake(Index a_lo, Index a_hi, Index b_lo, Index b_hi, Index& split_a, Index& split_b) const {
        const Index n = a_hi - a_lo;
        const Index m = b_hi - b_lo;
        const Index max_d = (n + m + 1) / 2;
        const Index offset = max_d;
        const Index length = 2 * max_d + 2;
        std::vector<Index> forward(static_cast<std::size_t>(length), -1);
        std::vector<Index> backward(static_cast<std::size_t>(length), -1);
        forward[static_cast<std::size_t>(offset + 1)] = 0;
        backward[static_cast<std::size_t>(offset + 1)] = 0;
        const Index delta = n - m;
        const bool odd = delta % 2 != 0;  // the forward search detects the overlap when delta is odd
        // Diagonals that ran off the grid are skipped on later rounds.
        Index k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
        auto at = [](std::vector<Index>& v, Index i) -> Index& { return v[static_cast<std::size_t>(i)]; };
        for (Index d = 0; d < max_d; ++d) {
            for (Index k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
                const Index k1_offset = offset + k1;
                Index x1 = (k1 == -d || (k1 != d && at(forward, k1_offset - 1) < at(forward, k1_offset + 1)))
                               ? at(forward, k1_offset + 1)
                               : at(forward, k1_offset - 1) + 1;
                Index y1 = x1 - k1;
                while (x1 < n && y1 < m && a_[a_lo + x1] == b_[b_lo + y1]) ++x1, ++y1;
                at(forward, k1_offset) = x1;
                if (x1 > n) {
                    k1_end += 2;
                } else if (y1 > m) {
                    k1_start += 2;
                } else if (odd) {
                    const Index k2_offset = offset + delta - k1;
                    if (k2_offset >= 0 && k2_offset < length && at(backward, k2_offset) != -1 &&
                        x1 >= n - at(backward, k2_offset)) {
                        split_a = a_lo + x1;
                        split_b = b_lo + y1;
                        return true;
                    }
                }
            }
            for (Index k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
                const Index k2_offset = offset + k2;
                Index x2 = (k2 == -d || (k2 != d && at(backward, k2_offset - 1) < at(backward, k2_offset + 1)))
                               ? at(backward, k2_offset + 1)
                               : at(backward, k2_offset - 1) + 1;
                Index y2 = x2 - k2;
                while (x2 < n && y2 < m && a_[a_hi - 1 - x2] == b_[b_hi - 1 - y2]) ++x2, ++y2;
                at(backward, k2_offset) = x2;
                if (x2 > n) {
                    k2_end += 2;
                } else if (y2 > m) {
                    k2_start += 2;
                } else if (!odd) {
                    const Index k1_offset = offset + delta - k2;
                    if (k1_offset >= 0 && k1_offset < length && at(forward, k1_offset) != -1) {
                        const Index x1 = at(forward, k1_offset);
                        const Index y1 = offset + x1 - k1_offset;
                        if (x1 >= n - x2) {
                            split_a = a_lo + x1;
                            split_b = b_lo + y1;
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
};

}  // namespace

std::vector<IndexPair> longest_common_subsequence(std::span<const int> old_ids, std::span<const int> new_ids) {
    return Lcs(old_ids, new_ids).run();
}

}  // namespace occkit::detail
