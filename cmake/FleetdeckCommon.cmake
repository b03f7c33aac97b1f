# One INTERFACE target carries the flags every Fleetdeck target compiles with.
add_library(fleetdeck_common INTERFACE)
target_compile_definitions(fleetdeck_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_USE_QSTRINGBUILDER
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_KEYWORDS
  FLEETDECK_VERSION="${PROJECT_VERSION}")
target_compile_options(fleetdeck_common INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(FLEETDECK_WERROR)
  target_compile_options(fleetdeck_common INTERFACE -Werror)
endif()
if(FLEETDECK_TSAN)
  # -O1 with TSan makes gcc 12 report -Wmaybe-uninitialized inside Qt's own headers (QArrayDataPointer).
  target_compile_options(fleetdeck_common INTERFACE -fsanitize=thread -g -O1 -Wno-maybe-uninitialized)
  target_link_options(fleetdeck_common INTERFACE -fsanitize=thread)
endif()
