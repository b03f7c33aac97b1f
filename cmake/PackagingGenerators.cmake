# CPACK_PROJECT_CONFIG_FILE: cpack reads this once per generator, with CPACK_GENERATOR set to it.
# Settings that differ between generators go here, since CPackConfig.cmake holds one value each.
if(CPACK_GENERATOR STREQUAL "DragNDrop")
  # The disk image's volume icon (NSIS would take CPACK_PACKAGE_ICON as a header bitmap instead).
  set(CPACK_PACKAGE_ICON "${CPACK_FLEETDECK_ICNS}")
endif()
if(CPACK_GENERATOR MATCHES "^(TGZ|TXZ|ZIP)$")
  # /etc/fleetdeck and /etc/default are absolute install destinations. An archive has no root to
  # put them under, so it keeps the whole tree below one staging root (usr/…, etc/…) instead.
  set(CPACK_SET_DESTDIR ON)
  set(CPACK_INSTALL_PREFIX /usr)
  set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
endif()
