// Wage helpers shared inside the library (not installed).
#pragma once

#include "occkit/wages.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

// The unit of an amount given without one: under $200 an hour, anything larger a year (wages.cpp says why).
WagePer per_from_magnitude(double amount);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
