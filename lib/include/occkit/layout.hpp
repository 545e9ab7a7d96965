// Site layouts, declared as data (XML files under lib/layouts/, checked against schemas/layout.xsd): detection
// signatures, heading synonyms -> section kinds, field labels, site chrome, date phrases, section order hints.
// The built-in ones are compiled into the library; --layout-file adds a user's.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/blocks.hpp"

namespace occkit {

struct LayoutRules;  // the parsed rules; see lib/src/layout_rules.hpp

class Layout {
public:
    explicit Layout(std::shared_ptr<const LayoutRules> rules);
    const std::string& id() const;
    const std::string& name() const;
    const std::string& jurisdiction() const;
    const std::string& language() const;
    const LayoutRules& rules() const { return *rules_; }

private:
    std::shared_ptr<const LayoutRules> rules_;
};

struct Candidate {
    std::string layout;
    double confidence = 0;  // 0..1
};

struct Detection {
    std::string layout;       // best layout id, "generic" when nothing matched well enough
    double confidence = 0;    // 0..1
    std::vector<Candidate> candidates;  // every layout that scored, best first
};

class LayoutSet {
public:
    // The built-in layouts (parsed once, shared, thread-safe to read).
    static const LayoutSet& builtin();

    LayoutSet() = default;
    // Parse a layout file's XML; throws occkit::Error naming `origin` on a malformed or schema-invalid layout.
    // A layout with the id of an existing one replaces it.
    void add_xml(std::string_view xml, const std::string& origin);
    void add_file(const std::string& path);

    const Layout* find(std::string_view id) const;
    const Layout& generic() const;  // the fallback; always present in builtin()
    const std::vector<Layout>& layouts() const { return layouts_; }

    Detection detect(const Document& doc) const;

private:
    std::vector<Layout> layouts_;
};

}  // namespace occkit
