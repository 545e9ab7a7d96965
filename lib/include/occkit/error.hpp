/// @file
/// One exception type for every failure the library reports; the tools catch it per input file.
#pragma once

#include <stdexcept>
#include <string>

namespace occkit {

/// What every library call throws: a one-line reason that names the file (and line) it is about.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace occkit
