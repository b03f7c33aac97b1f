# Man pages and shell completion (issue #14). Included from the top CMakeLists.txt.
#
# fleetdeck(1), fleetdeck-worker(1), fleetdeckctl(1) and fleetdeck.conf(5) are generated at build
# time from one scdoc source each (docs/man/<page>.scd) by the target `man_pages` (part of `all`)
# into <build>/docs/man/<page> (roff, for `man -l`) and <build>/docs/man/<page>.gz (gzip -9n, what
# is installed). They are installed to share/man/man1 and man5, and fleetdeckctl's bash and zsh
# completion (packaging/completions/) to share/bash-completion/completions and
# share/zsh/vendor-completions, all in the `server` component: the package that holds the three
# programs (fleetdeck included, see cmake/Packaging.cmake), as lintian expects a binary's man page
# next to it. Linux only; scdoc is required there (Debian package `scdoc`).
#
# In script mode (cmake -DSCDOC=… -DGZIP=… -DIN=<page>.scd -DOUT=<dir>/<page> -P ManPages.cmake)
# this file renders one page; the build runs it so that a scdoc error fails the step.

if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND ${SCDOC} INPUT_FILE ${IN} OUTPUT_FILE ${OUT}.tmp
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    file(REMOVE ${OUT}.tmp)
    message(FATAL_ERROR "scdoc ${IN}: ${err}")
  endif()
  file(RENAME ${OUT}.tmp ${OUT})
  # -n: no name and time stamp in the gzip header (reproducible; lintian checks it).
  execute_process(COMMAND ${GZIP} -9nc ${OUT} OUTPUT_FILE ${OUT}.gz RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${OUT} failed")
  endif()
  return()
endif()

if(NOT (UNIX AND NOT APPLE))
  return()
endif()
include(GNUInstallDirs)

find_program(FLEETDECK_SCDOC scdoc)
if(NOT FLEETDECK_SCDOC)
  message(FATAL_ERROR "scdoc was not found. The man pages (docs/man/*.scd) are generated with it: "
    "install the package `scdoc` (Debian and Ubuntu: apt-get install scdoc; scripts/test.sh installs it).")
endif()
find_program(FLEETDECK_GZIP gzip REQUIRED)

set(FLEETDECK_MAN_PAGES fleetdeck.1 fleetdeck-worker.1 fleetdeckctl.1 fleetdeck.conf.5)
set(FLEETDECK_MAN_OUTPUT_DIR ${PROJECT_BINARY_DIR}/docs/man)
file(MAKE_DIRECTORY ${FLEETDECK_MAN_OUTPUT_DIR})
set(fleetdeck_man_outputs)
foreach(page IN LISTS FLEETDECK_MAN_PAGES)
  set(src ${PROJECT_SOURCE_DIR}/docs/man/${page}.scd)
  set(out ${FLEETDECK_MAN_OUTPUT_DIR}/${page})
  add_custom_command(OUTPUT ${out} ${out}.gz
    COMMAND ${CMAKE_COMMAND} -DSCDOC=${FLEETDECK_SCDOC} -DGZIP=${FLEETDECK_GZIP} -DIN=${src} -DOUT=${out}
            -P ${CMAKE_CURRENT_LIST_FILE}
    DEPENDS ${src} ${CMAKE_CURRENT_LIST_FILE}
    COMMENT "Generating man page ${page}"
    VERBATIM)
  list(APPEND fleetdeck_man_outputs ${out} ${out}.gz)
  string(REGEX MATCH "[0-9]$" section ${page})
  install(FILES ${out}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section} COMPONENT server)
endforeach()
add_custom_target(man_pages ALL DEPENDS ${fleetdeck_man_outputs}
  SOURCES ${PROJECT_SOURCE_DIR}/packaging/completions/fleetdeckctl.bash ${PROJECT_SOURCE_DIR}/packaging/completions/_fleetdeckctl)

install(FILES ${PROJECT_SOURCE_DIR}/packaging/completions/fleetdeckctl.bash
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions RENAME fleetdeckctl COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/completions/_fleetdeckctl
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions COMPONENT server)
