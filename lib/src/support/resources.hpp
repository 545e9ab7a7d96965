// Built-in data compiled into the library (see cmake/embed_resources.cmake).
#pragma once

#include "occkit/api.hpp"
#include <string_view>
#include <vector>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace resources {

struct Resource {
    std::string_view name;  // file name, e.g. "alis-2010.xml"
    std::string_view text;
};

const std::vector<Resource>& layouts();
std::string_view schema(std::string_view name);  // "occupation.xsd", "layout.xsd"; empty if unknown

}  // namespace resources
OCCKIT_END_IMPL_NAMESPACE
