// Converts a small text page through the installed library and prints the title: proves the package works.
#include <occkit/occkit.hpp>

#include <iostream>

int main() {
    const char page[] = "Sample Occupation\n\nDuties\n\nSample workers do sample things.\n";
    auto result = occkit::convert(page);
    if (!result.profile.title) return 1;
    std::cout << result.profile.title->text << " (occkit " << occkit::version() << ")\n";
    return result.profile.title->text == "Sample Occupation" ? 0 : 1;
}
