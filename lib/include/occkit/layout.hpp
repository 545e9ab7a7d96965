/// @file
/// Site layouts, declared as data (XML files under lib/layouts/, checked against schemas/layout.xsd): detection
/// signatures, heading synonyms -> section kinds, field labels, site chrome, date phrases, section order hints.
/// The built-in ones are compiled into the library; --layout-file adds a user's.
#pragma once

#include "occkit/api.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/blocks.hpp"

OCCKIT_BEGIN_NAMESPACE

struct LayoutRules;  ///< the parsed rules; see lib/src/layout/layout_rules.hpp

class Layout {
public:
    explicit Layout(std::shared_ptr<const LayoutRules> rules);  ///< a layout over parsed rules
    const std::string& id() const;                              ///< the layout id ("workbc", "generic", ...)
    const std::string& name() const;                            ///< its human-readable name
    const std::string& jurisdiction() const;                    ///< ISO 3166-2:CA code of its site, or CA
    const std::string& language() const;                        ///< BCP 47 primary language tag
    const LayoutRules& rules() const { return *rules_; }        ///< the parsed rules, for the layout engine

private:
    std::shared_ptr<const LayoutRules> rules_;
};

/// One layout's detection score for a page.
struct Candidate {
    std::string layout;     ///< layout id
    double confidence = 0;  ///< 0..1
};

/// Where one block of the page went, for `occkit convert --explain`.
struct Placement {
    int line = 0;  ///< source line of the block
    /// "title", "field minimum-education", "section 3 education (heading)", "chrome", "unmapped", ...
    std::string where;
    std::string text;  ///< the block's text
};

/// Which layout a page is in, and how sure detection is.
struct Detection {
    /// Best layout id; when nothing matched well enough, "generic" if the set has a generic layout, else empty.
    std::string layout;
    double confidence = 0;              ///< 0..1
    std::vector<Candidate> candidates;  ///< every layout that scored, best first
};

/// A set of layouts to detect among and convert with: the built-in ones, plus any layout files added.
///
/// A set is used as it is, with nothing added behind the caller's back: its generic layout (id "generic"), when it
/// has one, is both the fallback for a page no other layout matches and the base whose headings, title patterns,
/// code mentions and furniture the other layouts inherit. A set without one has neither. builtin() has one; a
/// copy of it with layout files added keeps it (a file with the id "generic" replaces it, as the base too).
class LayoutSet {
public:
    /// The built-in layouts (parsed once, shared, thread-safe to read).
    static const LayoutSet& builtin();

    LayoutSet() = default;
    /// Parse a layout file's XML; throws occkit::Error naming `origin` on a malformed or schema-invalid layout.
    /// A layout with the id of an existing one replaces it.
    void add_xml(std::string_view xml, const std::string& origin);
    void add_file(const std::string& path);  ///< read_input + add_xml; errors name the file

    const Layout* find(std::string_view id) const;  ///< the layout with this id, or nullptr
    /// The set's generic layout (always present in builtin()); throws occkit::Error when the set has none.
    const Layout& generic() const;
    const std::vector<Layout>& layouts() const { return layouts_; }  ///< every layout, in the order added

    Detection detect(const Document& doc) const;  ///< scores every layout against the page's blocks

private:
    std::vector<Layout> layouts_;
};

OCCKIT_END_NAMESPACE
