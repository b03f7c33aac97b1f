# Sourced by scripts/test.sh and scripts/demo.sh: installs what a fresh Debian 12 lacks, with
# apt-get only when a package is missing (idempotent). Needs root, or sudo.

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "${0##*/}: not root and sudo is not available: run it with sudo" >&2
    exit 1
  fi
}

# Prints the packages among "$@" that are not installed.
apt_missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

# Installs the missing packages among "$@"; fails when any is still missing afterwards.
apt_install_missing() {
  local missing
  mapfile -t missing < <(apt_missing "$@")
  if ((${#missing[@]} == 0)); then
    echo "all $# packages are installed"
    return 0
  fi
  echo "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y "${missing[@]}"
  mapfile -t missing < <(apt_missing "$@")
  if ((${#missing[@]} != 0)); then
    echo "${0##*/}: still missing after apt-get install: ${missing[*]}" >&2
    return 1
  fi
}
