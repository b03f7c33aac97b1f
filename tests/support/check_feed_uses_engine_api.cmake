# Fails when the GUI's feed (ui/bridge/engine_feed.{h,cpp}) reaches around the Engine: it reads and
# listens through engine.h's queries and signals only (docs/gui.md#data-flow), never the bus, the
# store or a part of the engine (an include of theirs, an accessor call, findChild).
# cmake -DDIR=<source root>/ui/bridge -P check_feed_uses_engine_api.cmake
set(files ${DIR}/engine_feed.h ${DIR}/engine_feed.cpp)
set(bad "")
foreach(f ${files})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "missing ${f}")
  endif()
  file(STRINGS ${f} hits REGEX
    "#include *[<\"](bus|store|ops|cluster|gallery|worker|demo)/|findChild|->(bus|store|ops|registry|reconciler|upgrades|catalog|listing|connectionMonitor)\\(")
  if(hits)
    list(APPEND bad "${f}: ${hits}")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "EngineFeed must use only the Engine's signals and queries:\n${bad}")
endif()
message(STATUS "EngineFeed uses only the Engine's signals and queries (${DIR})")
