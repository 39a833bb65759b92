# Environment for building and testing the app: the tools scripts/bootstrap --app
# installs, and no downloads by dx itself. Source it: `. scripts/env.sh`.
_itin_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NO_DOWNLOADS=1
export DX_TELEMETRY_ENABLED=false
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
case ":$PATH:" in *":$_itin_root/tools/node/node_modules/.bin:"*) ;; *) PATH="$_itin_root/tools/node/node_modules/.bin:$PATH" ;; esac
case ":$PATH:" in *":$CARGO_HOME/bin:"*) ;; *) PATH="$CARGO_HOME/bin:$PATH" ;; esac
export PATH
# Where dx puts the web bundle and the desktop app (under CARGO_TARGET_DIR
# when it is set).
export ITIN_TARGET_DIR="${CARGO_TARGET_DIR:-$_itin_root/target}"
export ITIN_WEB_DIR="$ITIN_TARGET_DIR/dx/itinerances/release/web/public"
unset _itin_root
