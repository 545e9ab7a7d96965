// Myers' LCS with the middle-snake split (the "bisect" formulation: a forward and a backward search meet on a
// diagonal; each half is then solved on its own). Time O((N+M)D), memory O(N+M); past a cost limit on D the split
// is approximate (see cost_limit), which bounds the time by O((N+M) * cost_limit) however different the inputs.
#include "diff/myers.hpp"

#include <algorithm>
#include <vector>

#include "occkit/cancel.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

using Index = std::ptrdiff_t;

class Lcs {
public:
    Lcs(std::span<const int> a, std::span<const int> b) : a_(a), b_(b) {}

    std::vector<IndexPair> run() {
        // An explicit stack of ranges rather than recursion: approximate splits can be lopsided, and a deep
        // recursion would then exhaust the stack. Matches come out of order and are sorted once at the end.
        std::vector<Range> pending{{0, static_cast<Index>(a_.size()), 0, static_cast<Index>(b_.size())}};
        while (!pending.empty()) {
            throw_if_cancelled();
            Range r = pending.back();
            pending.pop_back();
            solve(r, pending);
        }
        std::sort(matches_.begin(), matches_.end(),
                  [](const IndexPair& x, const IndexPair& y) { return x.old_index < y.old_index; });
        return std::move(matches_);
    }

private:
    // Past this many edit steps in one middle-snake search, the search stops and splits at the point that got
    // furthest (as GNU diff does when a diff is "too expensive"): the result is still a common subsequence, maybe
    // not a longest one, and the work per element stays bounded. Real edits between two versions of a section
    // stay far below it.
    static constexpr Index cost_limit = 256;

    struct Range {
        Index a_lo, a_hi, b_lo, b_hi;
    };

    // The furthest point a search reached (x + y largest), in the coordinates of the range.
    struct Reach {
        Index x = 0, y = 0;
        Index sum() const { return x + y; }
    };

    std::span<const int> a_;
    std::span<const int> b_;
    std::vector<IndexPair> matches_;

    void match(Index x, Index y) { matches_.push_back({static_cast<std::size_t>(x), static_cast<std::size_t>(y)}); }

    // Matches of a[a_lo, a_hi) against b[b_lo, b_hi): the common prefix and suffix now, the two halves around the
    // middle snake pushed for later.
    void solve(Range r, std::vector<Range>& pending) {
        // Common prefix and suffix need no search; most real edits leave long ones.
        while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && a_[r.a_lo] == b_[r.b_lo]) match(r.a_lo++, r.b_lo++);
        while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && a_[r.a_hi - 1] == b_[r.b_hi - 1]) match(--r.a_hi, --r.b_hi);
        if (r.a_lo >= r.a_hi || r.b_lo >= r.b_hi) return;
        Index split_a = 0;
        Index split_b = 0;
        if (middle_snake(r.a_lo, r.a_hi, r.b_lo, r.b_hi, split_a, split_b)) {
            pending.push_back({split_a, r.a_hi, split_b, r.b_hi});
            pending.push_back({r.a_lo, split_a, r.b_lo, split_b});
        }
    }

    // Finds where the forward and backward furthest-reaching paths overlap; returns false when the ranges share no
    // element at all. Past cost_limit rounds, splits at the furthest point either search reached instead. Both
    // ranges are non-empty and differ in their first and last elements.
    bool middle_snake(Index a_lo, Index a_hi, Index b_lo, Index b_hi, Index& split_a, Index& split_b) const {
        const Index n = a_hi - a_lo;
        const Index m = b_hi - b_lo;
        const Index max_d = (n + m + 1) / 2;
        const Index rounds = std::min(max_d, cost_limit);
        const Index offset = rounds;
        const Index length = 2 * rounds + 2;
        std::vector<Index> forward(static_cast<std::size_t>(length), -1);
        std::vector<Index> backward(static_cast<std::size_t>(length), -1);
        forward[static_cast<std::size_t>(offset + 1)] = 0;
        backward[static_cast<std::size_t>(offset + 1)] = 0;
        const Index delta = n - m;
        const bool odd = delta % 2 != 0;  // the forward search detects the overlap when delta is odd
        // Diagonals that ran off the grid are skipped on later rounds.
        Index k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
        Reach best_forward, best_backward;  // backward: counted from the ends
        auto at = [](std::vector<Index>& v, Index i) -> Index& { return v[static_cast<std::size_t>(i)]; };
        for (Index d = 0; d < rounds; ++d) {
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
                } else {
                    if (x1 + y1 > best_forward.sum()) best_forward = {x1, y1};
                    const Index k2_offset = offset + delta - k1;
                    if (odd && k2_offset >= 0 && k2_offset < length && at(backward, k2_offset) != -1 &&
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
                } else {
                    if (x2 + y2 > best_backward.sum()) best_backward = {x2, y2};
                    const Index k1_offset = offset + delta - k2;
                    if (!odd && k1_offset >= 0 && k1_offset < length && at(forward, k1_offset) != -1) {
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
        if (rounds == max_d) return false;
        return approximate_split(a_lo, b_lo, n, m, best_forward, best_backward, split_a, split_b);
    }

    // The split point when the search is too expensive: the furthest point of either search, when it lies strictly
    // inside the range (so both halves are smaller than the whole).
    static bool approximate_split(Index a_lo, Index b_lo, Index n, Index m, Reach forward, Reach backward,
                                  Index& split_a, Index& split_b) {
        Reach split = forward.sum() >= backward.sum() ? forward : Reach{n - backward.x, m - backward.y};
        if (split.x < 0 || split.y < 0 || split.x > n || split.y > m) return false;
        if (split.sum() <= 0 || split.sum() >= n + m) return false;
        split_a = a_lo + split.x;
        split_b = b_lo + split.y;
        return true;
    }
};

}  // namespace

std::vector<IndexPair> longest_common_subsequence(std::span<const int> old_ids, std::span<const int> new_ids) {
    return Lcs(old_ids, new_ids).run();
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
