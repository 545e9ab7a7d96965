// The open sections of the profile being built, from a top-level section down to the innermost one: where content,
// dates and wages go. The engine owns it; the sectioner opens and closes sections, date and wage attachment reads it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

// One open section on the path.
struct OpenSection {
    std::size_t index = 0;    // in the parent's list (Profile::sections or Section::subsections)
    int level = 2;            // heading level; text headings count as 2
    std::string items;        // how paragraphs become list items here (HeadingRule::items)
    bool holds_list = false;  // a caption over one list: other content goes back to the parent (HeadingRule)
};

struct SectionPath {
    explicit SectionPath(Profile& p) : profile(p) {}

    Section* top() { return open.empty() ? nullptr : &profile.sections[open[0].index]; }
    Section* current() {
        Section* s = top();
        for (std::size_t k = 1; s && k < open.size(); ++k) s = &s->subsections[open[k].index];
        return s;
    }
    // "section 2.1", for --explain.
    std::string label() const {
        std::string text = "section ";
        for (std::size_t k = 0; k < open.size(); ++k) text += (k ? "." : "") + std::to_string(open[k].index + 1);
        return text;
    }

    Profile& profile;
    std::vector<OpenSection> open;
    bool closed = false;         // the open section was ended by a closing date and takes no more content
    bool first_content = false;  // the block being added is the first content of its section
};

OCCKIT_END_IMPL_NAMESPACE
