// The codes a conversion has found, indexed by scheme and value, so that adding one is a look-up rather than a pass
// over all of them: a page listing thousands of codes (a long text dump of many profiles) made that quadratic.
// The layout engine keeps one beside its profile's codes and tells it of every change.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

class CodeIndex {
public:
    // Whether a code of the same scheme and value is there with the same version, or either has none.
    bool has(const Code& code) const {
        const Entry* e = find(code);
        if (!e) return false;
        if (code.version.empty()) return e->count > 0;
        return !e->unversioned.empty() || e->versions.count(code.version) > 0;
    }
    // The position of the first code of this scheme and value without a version.
    std::optional<std::size_t> first_unversioned(const Code& code) const {
        const Entry* e = find(code);
        if (!e || e->unversioned.empty()) return std::nullopt;
        return e->unversioned.front();
    }
    // `code` was appended at position `at`.
    void added(std::size_t at, const Code& code) {
        Entry& e = entries_[key(code)];
        ++e.count;
        if (code.version.empty())
            e.unversioned.push_back(at);
        else
            e.versions.insert(code.version);
    }
    // The first unversioned code of `code`'s scheme and value was given `code`'s version (when it has one).
    void versioned_first(const Code& code) {
        if (code.version.empty()) return;
        Entry& e = entries_[key(code)];
        if (!e.unversioned.empty()) e.unversioned.pop_front();
        e.versions.insert(code.version);
    }

private:
    struct Entry {
        std::size_t count = 0;
        std::deque<std::size_t> unversioned;  // positions, in order
        std::unordered_set<std::string> versions;
    };
    static std::string key(const Code& c) { return c.scheme + '\n' + c.value; }
    const Entry* find(const Code& code) const {
        auto it = entries_.find(key(code));
        return it == entries_.end() ? nullptr : &it->second;
    }
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
