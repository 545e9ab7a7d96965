# Man pages: occkit.1 (hand-written, docs/man) and occkit-COMMAND.1 for every command, made from each command's
# --help by help2man (docs/man/generate) into build/man once the program is built, and installed to
# share/man/man1 (so into the .deb too). Without help2man (or when cross-compiling: the program cannot run here)
# the build does not fail: the pages checked in under docs/man, the same script's output, are installed instead.
# OCCKIT_MAN_PAGES_DIR tells the tests which pages are the installed ones. Included from tools/CMakeLists.txt.
find_program(OCCKIT_HELP2MAN help2man)
if(OCCKIT_HELP2MAN AND NOT CMAKE_CROSSCOMPILING)
  set(OCCKIT_MAN_PAGES_DIR ${PROJECT_BINARY_DIR}/man CACHE INTERNAL "The man pages installed")
  add_custom_command(OUTPUT ${OCCKIT_MAN_PAGES_DIR}/occkit.1
    COMMAND bash ${PROJECT_SOURCE_DIR}/docs/man/generate $<TARGET_FILE:occkit_cli> ${OCCKIT_MAN_PAGES_DIR}
            ${PROJECT_VERSION}
    DEPENDS occkit_cli ${PROJECT_SOURCE_DIR}/docs/man/generate ${PROJECT_SOURCE_DIR}/docs/man/occkit.1
    COMMENT "Man pages from each command's --help (help2man) into ${OCCKIT_MAN_PAGES_DIR}"
    VERBATIM)
  add_custom_target(occkit_man_pages ALL DEPENDS ${OCCKIT_MAN_PAGES_DIR}/occkit.1)
  install(DIRECTORY ${OCCKIT_MAN_PAGES_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1")
else()
  set(OCCKIT_MAN_PAGES_DIR ${PROJECT_SOURCE_DIR}/docs/man CACHE INTERNAL "The man pages installed")
  file(GLOB OCCKIT_MAN_PAGES CONFIGURE_DEPENDS ${OCCKIT_MAN_PAGES_DIR}/*.1)
  install(FILES ${OCCKIT_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
