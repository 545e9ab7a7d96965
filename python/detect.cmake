# OCCKIT_PYTHON: build the Python module (python/), on by default when pybind11 and Python's headers are found and
# the library is not instrumented (an ASan or fuzzing build cannot be loaded into a plain python3). Never fails the
# configuration: without them the option is simply off.
# The system's python3 first (Debian's, where python3-pytest and python3-distributed install), not one earlier on
# PATH (pyenv): the module can only be imported by the interpreter it was built for. -DPython3_EXECUTABLE= overrides.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)
find_package(pybind11 CONFIG QUIET)
if(Python3_FOUND AND pybind11_FOUND AND NOT OCCKIT_SANITIZE AND NOT OCCKIT_FUZZ)
  set(OCCKIT_PYTHON_DEFAULT ON)
else()
  set(OCCKIT_PYTHON_DEFAULT OFF)
endif()
option(OCCKIT_PYTHON "Build the Python module occkit (pybind11)" ${OCCKIT_PYTHON_DEFAULT})
if(OCCKIT_PYTHON AND NOT (Python3_FOUND AND pybind11_FOUND))
  message(WARNING "OCCKIT_PYTHON: pybind11 or the Python headers were not found (Debian: pybind11-dev python3-dev); "
                  "the Python module is not built")
  set(OCCKIT_PYTHON OFF CACHE BOOL "Build the Python module occkit (pybind11)" FORCE)
endif()
