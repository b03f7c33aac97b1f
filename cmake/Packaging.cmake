# Install rules and CPack configuration (issue #7). Included from the top CMakeLists.txt after the
# targets exist. `cpack -G DEB|RPM|TGZ` in the build tree on Linux; NSIS on Windows and DragNDrop on
# macOS are configured here and built on those systems (their Qt deployment needs windeployqt /
# macdeployqt, which Debian does not ship).
#
# Components:
#   server  fleetdeck (for --headless), fleetdeck-worker, fleetdeckctl, systemd units, the service
#           user (sysusers.d), example configuration in /etc
#   gui     the desktop entry, AppStream metainfo and icons of fleetdeck (and on macOS the app bundle)
#   docs    README.md and LICENSE
# `fleetdeck` is one binary that is both the GUI and the headless replica. A file can belong to one
# package only (two packages holding /usr/bin/fleetdeck would conflict in dpkg and rpm), so it is
# installed once, in `server`, and `gui` depends on `server`. That keeps the service installable
# without desktop files and icons, and the GUI package small; the cost is that fleetdeck-server
# carries the binary's Qt Gui/Widgets library dependencies. On macOS the bundle is the GUI: it goes
# to `gui`, with the two helpers inside it.
include(GNUInstallDirs)

set(FLEETDECK_APP_ID org.fleetdeck.Fleetdeck)
set(FLEETDECK_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/fleetdeck)
set(FLEETDECK_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(FLEETDECK_SYSTEMD_UNIT_DIR lib/systemd/system CACHE STRING
    "systemd system unit directory, relative to the install prefix")
option(FLEETDECK_DEPLOY_QT_LINUX
  "Linux: copy the Qt libraries into the install tree (self-contained TGZ; needs Qt >= 6.5). DEB and RPM use the system's Qt."
  OFF)

# --- Programs --------------------------------------------------------------------------------------
if(APPLE)
  set_target_properties(fleetdeck PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_BUNDLE_NAME Fleetdeck
    MACOSX_BUNDLE_GUI_IDENTIFIER ${FLEETDECK_APP_ID}
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE fleetdeck.icns)
  target_sources(fleetdeck PRIVATE ${FLEETDECK_PACKAGING_DIR}/macos/fleetdeck.icns)
  set_source_files_properties(${FLEETDECK_PACKAGING_DIR}/macos/fleetdeck.icns PROPERTIES
    MACOSX_PACKAGE_LOCATION Resources)
  # The helpers live next to the bundle's executable and use its frameworks.
  set_target_properties(fleetdeck-worker fleetdeckctl PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")
  install(TARGETS fleetdeck BUNDLE DESTINATION . COMPONENT gui)
  install(TARGETS fleetdeck-worker fleetdeckctl RUNTIME DESTINATION fleetdeck.app/Contents/MacOS COMPONENT gui)
else()
  if(WIN32)
    # No console window for the desktop app; fleetdeckctl and fleetdeck-worker stay console programs.
    set_target_properties(fleetdeck PROPERTIES WIN32_EXECUTABLE ON)
  endif()
  install(TARGETS fleetdeck fleetdeck-worker fleetdeckctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
endif()

# windeployqt / macdeployqt through Qt's deploy script. Qt 6.4 implements it for Windows and macOS
# only (FILENAME_VARIABLE); 6.5 adds Linux and renames the argument OUTPUT_SCRIPT.
set(fleetdeck_deploy_qt OFF)
if(WIN32 OR APPLE)
  set(fleetdeck_deploy_qt ON)
elseif(FLEETDECK_DEPLOY_QT_LINUX)
  if(Qt6_VERSION VERSION_LESS 6.5)
    message(FATAL_ERROR "FLEETDECK_DEPLOY_QT_LINUX needs Qt >= 6.5 (this is Qt ${Qt6_VERSION})")
  endif()
  set(fleetdeck_deploy_qt ON)
endif()
if(fleetdeck_deploy_qt)
  if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET fleetdeck OUTPUT_SCRIPT fleetdeck_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
  else()
    qt_generate_deploy_app_script(TARGET fleetdeck FILENAME_VARIABLE fleetdeck_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
  endif()
  if(APPLE)
    install(SCRIPT ${fleetdeck_deploy_script} COMPONENT gui)
  else()
    install(SCRIPT ${fleetdeck_deploy_script} COMPONENT server)
  endif()
endif()

# --- Linux desktop integration and services ------------------------------------------------------
if(UNIX AND NOT APPLE)
  set(linux ${FLEETDECK_PACKAGING_DIR}/linux)
  install(FILES ${linux}/${FLEETDECK_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications COMPONENT gui)
  install(FILES ${linux}/${FLEETDECK_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo COMPONENT gui)
  install(DIRECTORY ${linux}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons COMPONENT gui)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app/fleetdeck.svg
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps RENAME ${FLEETDECK_APP_ID}.svg COMPONENT gui)

  install(FILES ${linux}/systemd/fleetdeck-headless.service ${linux}/systemd/fleetdeck-worker.service
    DESTINATION ${FLEETDECK_SYSTEMD_UNIT_DIR} COMPONENT server)
  install(FILES ${linux}/systemd/fleetdeck.sysusers DESTINATION lib/sysusers.d RENAME fleetdeck.conf COMPONENT server)
  # The units read these absolute paths whatever the install prefix is.
  install(FILES ${linux}/etc/fleetdeck.conf ${linux}/etc/worker.conf DESTINATION /etc/fleetdeck COMPONENT server)
  install(FILES ${linux}/etc/default/fleetdeck-headless ${linux}/etc/default/fleetdeck-worker
    DESTINATION /etc/default COMPONENT server)
endif()

# --- Documentation ---------------------------------------------------------------------------------
if(WIN32 OR APPLE)
  set(FLEETDECK_DOC_DIR doc)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${FLEETDECK_DOC_DIR} COMPONENT docs)
# The Prometheus metrics (issue #14): their reference, an example scrape configuration with alerting
# rules and a Grafana dashboard.
install(FILES ${PROJECT_SOURCE_DIR}/docs/metrics.md DESTINATION ${FLEETDECK_DOC_DIR} COMPONENT docs)
install(FILES ${FLEETDECK_PACKAGING_DIR}/prometheus/prometheus.yml ${FLEETDECK_PACKAGING_DIR}/prometheus/fleetdeck.rules.yml
  ${FLEETDECK_PACKAGING_DIR}/grafana/fleetdeck.json DESTINATION ${FLEETDECK_DOC_DIR}/examples COMPONENT docs)

# --- CPack -----------------------------------------------------------------------------------------
# Installers want a license file with an extension (productbuild, the DMG licence agreement).
configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_BINARY_DIR}/packaging/LICENSE.txt COPYONLY)

set(CPACK_PACKAGE_NAME fleetdeck)
set(CPACK_PACKAGE_VENDOR "Fleetdeck developers")
set(CPACK_PACKAGE_CONTACT "Fleetdeck developers <maintainers@fleetdeck.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Admin console for inference clusters: install, upgrade and delete backends on worker nodes")
set(CPACK_PACKAGE_DESCRIPTION "Fleetdeck installs, upgrades and deletes inference backends on the worker nodes of a cluster, \
tracks every operation to its end, retries what failed and keeps a history.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/fleetdeck/fleetdeck")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY Fleetdeck)
set(CPACK_PACKAGE_EXECUTABLES fleetdeck Fleetdeck)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_BINARY_DIR}/packaging/LICENSE.txt)
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/" "/\\\\.cache/")
# Generator-specific settings evaluated by cpack (icons per generator, archive layout).
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/PackagingGenerators.cmake)
set(CPACK_FLEETDECK_PACKAGING_DIR ${FLEETDECK_PACKAGING_DIR})

if(WIN32)
  set(CPACK_GENERATOR NSIS ZIP)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
else()
  set(CPACK_GENERATOR DEB RPM TGZ)
endif()

set(CPACK_COMPONENTS_ALL server gui docs)
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Fleetdeck services and command line")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "fleetdeck (also for --headless), fleetdeck-worker, fleetdeckctl, systemd units and example configuration")
set(CPACK_COMPONENT_SERVER_REQUIRED ON)
set(CPACK_COMPONENT_GUI_DISPLAY_NAME "Fleetdeck desktop application")
set(CPACK_COMPONENT_GUI_DESCRIPTION "Desktop entry, AppStream metadata and icons of the Fleetdeck window")
set(CPACK_COMPONENT_GUI_DEPENDS server)
set(CPACK_COMPONENT_DOCS_DISPLAY_NAME "Documentation")
set(CPACK_COMPONENT_DOCS_DESCRIPTION "README and LICENSE")

# DEB: one package per component; fleetdeck (the GUI) depends on fleetdeck-server of the same version.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt loads SQL drivers, image formats and platform plugins at run time: dpkg-shlibdeps cannot see them.
# libqt6httpserver6 (the /metrics endpoint, docs/metrics.md) is linked, so shlibdeps finds it too;
# it is listed for the packages built without shlibdeps.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql, libqt6sql6-sqlite, libqt6httpserver6")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME fleetdeck-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-psql, libqt6sql6-sqlite, libqt6httpserver6")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "nats-server, postgresql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  ${FLEETDECK_PACKAGING_DIR}/linux/deb/postinst ${FLEETDECK_PACKAGING_DIR}/linux/deb/prerm
  ${FLEETDECK_PACKAGING_DIR}/linux/deb/postrm ${FLEETDECK_PACKAGING_DIR}/linux/deb/conffiles)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_GUI_PACKAGE_NAME fleetdeck)
# qt6-translations-l10n: Qt's own texts (standard buttons, dialogs) in the --lang / system language.
set(CPACK_DEBIAN_GUI_PACKAGE_DEPENDS "libqt6svg6, qt6-qpa-plugins, qt6-translations-l10n")
set(CPACK_DEBIAN_GUI_PACKAGE_RECOMMENDS "fleetdeck-doc")
set(CPACK_DEBIAN_GUI_PACKAGE_SECTION x11)
set(CPACK_DEBIAN_DOCS_PACKAGE_NAME fleetdeck-doc)
set(CPACK_DEBIAN_DOCS_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DOCS_PACKAGE_DEPENDS "")
set(CPACK_DEBIAN_DOCS_PACKAGE_SECTION doc)

# RPM: the same split. Qt's run-time plugins carry Fedora's package names.
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE MIT)
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL ${CPACK_PACKAGE_HOMEPAGE_URL})
set(CPACK_RPM_SERVER_PACKAGE_NAME fleetdeck-server)
set(CPACK_RPM_SERVER_PACKAGE_REQUIRES "qt6-qtbase-postgresql")
set(CPACK_RPM_SERVER_POST_INSTALL_SCRIPT_FILE ${FLEETDECK_PACKAGING_DIR}/linux/deb/postinst)
set(CPACK_RPM_SERVER_PRE_UNINSTALL_SCRIPT_FILE ${FLEETDECK_PACKAGING_DIR}/linux/deb/prerm)
set(CPACK_RPM_SERVER_POST_UNINSTALL_SCRIPT_FILE ${FLEETDECK_PACKAGING_DIR}/linux/deb/postrm)
set(CPACK_RPM_SERVER_USER_FILELIST
  "%config(noreplace) /etc/fleetdeck/fleetdeck.conf" "%config(noreplace) /etc/fleetdeck/worker.conf"
  "%config(noreplace) /etc/default/fleetdeck-headless" "%config(noreplace) /etc/default/fleetdeck-worker")
set(CPACK_RPM_GUI_PACKAGE_NAME fleetdeck)
set(CPACK_RPM_GUI_PACKAGE_REQUIRES "fleetdeck-server = ${PROJECT_VERSION}, qt6-qtsvg, qt6-qttranslations")
set(CPACK_RPM_DOCS_PACKAGE_NAME fleetdeck-doc)
set(CPACK_RPM_DOCS_PACKAGE_ARCHITECTURE noarch)
# Directories that belong to the distribution (filesystem, systemd, hicolor-icon-theme packages).
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
  /etc/default /usr/lib/systemd /usr/lib/systemd/system /usr/lib/sysusers.d /usr/share/applications
  /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
  /usr/share/icons/hicolor/scalable/apps
  /usr/share/man /usr/share/man/man1 /usr/share/man/man5 /usr/share/bash-completion
  /usr/share/bash-completion/completions /usr/share/zsh /usr/share/zsh/vendor-completions)
foreach(size 16 22 24 32 48 64 128 256 512)
  list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

# Archives (TGZ, ZIP): one archive holding every component.
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# NSIS (Windows): one installer, the components selectable, server required.
set(CPACK_NSIS_PACKAGE_NAME Fleetdeck)
set(CPACK_NSIS_DISPLAY_NAME Fleetdeck)
set(CPACK_NSIS_MUI_ICON ${FLEETDECK_PACKAGING_DIR}/windows/fleetdeck.ico)
set(CPACK_NSIS_MUI_UNIICON ${FLEETDECK_PACKAGING_DIR}/windows/fleetdeck.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\fleetdeck.exe)
set(CPACK_NSIS_URL_INFO_ABOUT ${CPACK_PACKAGE_HOMEPAGE_URL})
set(CPACK_NSIS_CONTACT ${CPACK_PACKAGE_CONTACT})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)

# DragNDrop (macOS): Fleetdeck.app in a disk image with the licence shown before it opens.
set(CPACK_DMG_VOLUME_NAME Fleetdeck)
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE ON)
set(CPACK_FLEETDECK_ICNS ${FLEETDECK_PACKAGING_DIR}/macos/fleetdeck.icns)

include(CPack)
cpack_add_component(server DISPLAY_NAME "${CPACK_COMPONENT_SERVER_DISPLAY_NAME}"
  DESCRIPTION "${CPACK_COMPONENT_SERVER_DESCRIPTION}" REQUIRED)
cpack_add_component(gui DISPLAY_NAME "${CPACK_COMPONENT_GUI_DISPLAY_NAME}"
  DESCRIPTION "${CPACK_COMPONENT_GUI_DESCRIPTION}" DEPENDS server)
cpack_add_component(docs DISPLAY_NAME "${CPACK_COMPONENT_DOCS_DISPLAY_NAME}"
  DESCRIPTION "${CPACK_COMPONENT_DOCS_DESCRIPTION}")
