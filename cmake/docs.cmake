# API reference: `cmake --build build --target docs` runs Doxygen (Doxyfile.in) over the public headers
# (lib/include/occkit) into build/docs/html, with its warnings in build/docs/warnings.log (the docs_build test wants
# it empty). Optional: without doxygen installed there is no docs target and nothing else changes.
find_package(Doxygen QUIET)
if(DOXYGEN_FOUND)
  set(OCCKIT_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
  configure_file(${PROJECT_SOURCE_DIR}/Doxyfile.in ${OCCKIT_DOCS_DIR}/Doxyfile @ONLY)
  file(GLOB OCCKIT_PUBLIC_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/lib/include/occkit/*.hpp)
  # A stamp, so the reference is rebuilt only when a header, the front page or the configuration changed.
  add_custom_command(OUTPUT ${OCCKIT_DOCS_DIR}/html/index.html
    COMMAND ${CMAKE_COMMAND} -E remove -f ${OCCKIT_DOCS_DIR}/warnings.log
    COMMAND Doxygen::doxygen ${OCCKIT_DOCS_DIR}/Doxyfile
    DEPENDS ${OCCKIT_PUBLIC_HEADERS} ${PROJECT_SOURCE_DIR}/docs/api.md ${OCCKIT_DOCS_DIR}/Doxyfile
    WORKING_DIRECTORY ${OCCKIT_DOCS_DIR}
    COMMENT "API reference (Doxygen) into ${OCCKIT_DOCS_DIR}/html"
    VERBATIM)
  add_custom_target(docs DEPENDS ${OCCKIT_DOCS_DIR}/html/index.html)
endif()
