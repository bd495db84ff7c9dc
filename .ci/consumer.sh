#!/usr/bin/env bash
# Proves the package works outside this repository: type-check, build, pack, install the tarball into
# two throwaway apps (ESM and CommonJS, each with its own package.json) and, under plain node:
# import/require the entries, synthesize a cdk8s-plus-27 Deployment meshed from a mesh reference,
# run a Pulumi program using meshform/pulumi under mocks, and check the tarball and the dependency
# tree. The apps' sources are .ci/consumer/. Offline-friendly: npm installs prefer its cache.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
src=$repo/.ci/consumer
work=$(mktemp -d "${TMPDIR:-/tmp}/meshform-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'consumer: %s\n' "$*" >&2; exit 1; }

step 'type-check (tsc --noEmit) and pack (prepack builds)'
npx tsc --noEmit
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
tgz=$work/$tarball

step "tarball: $tarball"
listing=$(tar tzf "$tgz")
bad=$(grep -E '(^|/)(test|tests|bench)/|\.test\.|\.ts$' <<<"$listing" | grep -v '\.d\.ts$' || true)
[[ -z $bad ]] || fail "the tarball holds tests, benches or TypeScript sources: $bad"
for f in package/package.json package/LICENSE package/README.md package/bin/meshform.mjs package/bin/build-freshness.mjs package/bin/cli-loader.mjs package/build/constructs/index.js package/build/constructs/index.d.ts package/build/stacks/components/index.js package/build/lib/index.js package/build/cli-bundle/meshform.cjs package/build/cli-bundle/meshform.v8-cache; do
  grep -qx "$f" <<<"$listing" || fail "the tarball lacks $f"
done
echo "$(wc -l <<<"$listing") files, no tests, benches or .ts sources but .d.ts"

# The apps pin what this repository pins.
version() { node -p "require('$repo/package.json').devDependencies['$1']"; }
install() { # dir, then name@version...
  (cd "$1" && shift && npm install --prefer-offline --no-audit --no-fund --loglevel=error "$@" >/dev/null)
}

step 'ESM app: install'
esm=$work/esm
mkdir -p "$esm" && cp "$src"/*.mjs "$src"/strict.ts "$src"/tsconfig.esm.json "$esm"/
echo '{ "name": "consumer-esm", "private": true, "type": "module" }' >"$esm/package.json"
install "$esm" "$tgz" "cdk8s@$(version cdk8s)" "constructs@$(version constructs)" "cdk8s-plus-27@$(version cdk8s-plus-27)" \
  "@pulumi/pulumi@$(version @pulumi/pulumi)" "@pulumi/kubernetes@$(version @pulumi/kubernetes)" "@pulumi/tls@$(version @pulumi/tls)" \
  "typescript@$(version typescript)" "@types/node@$(version @types/node)"
step 'ESM app: one cdk8s, one constructs'
(cd "$esm" && npm ls cdk8s constructs)
for pkg in cdk8s constructs; do
  copies=$(cd "$esm" && find node_modules -type d -path "*node_modules/$pkg" | wc -l)
  [[ $copies == 1 ]] || fail "$copies copies of $pkg in the ESM app"
done
step 'ESM app: plain node'
(cd "$esm" && node side-effects.mjs && node mesh-app.mjs && node pulumi-app.mjs)
step 'ESM app: tsc --strict on a consumer file'
(cd "$esm" && npx tsc -p tsconfig.esm.json && echo 'esm: strict.ts type-checks')
step 'ESM app: the meshform command'
(cd "$esm" && npx meshform version && npx meshform install --crds | grep -q 'kind: CustomResourceDefinition' && echo 'esm: meshform install --crds renders')

step 'CommonJS app: install (cdk8s template: ts-node, typescript 5.9, no Pulumi)'
cjs=$work/cjs
mkdir -p "$cjs" && cp "$src"/require.cjs "$src"/main.ts "$cjs"/ && cp "$src"/tsconfig.cdk8s-template.json "$cjs"/tsconfig.json
echo '{ "name": "consumer-cjs", "private": true }' >"$cjs/package.json"
install "$cjs" "$tgz" "cdk8s@$(version cdk8s)" "constructs@$(version constructs)" "cdk8s-plus-27@$(version cdk8s-plus-27)" \
  typescript@5.9.3 ts-node@10.9.2 "@types/node@$(version @types/node)"
[[ ! -d $cjs/node_modules/@pulumi ]] || fail 'a cdk8s-only app got Pulumi installed'
(cd "$cjs" && npm ls cdk8s constructs)
step 'CommonJS app: plain node and ts-node'
(cd "$cjs" && node -e "require('meshform'); require('meshform/model')" && node require.cjs && npx ts-node main.ts)
echo
echo 'consumer: all checks passed'
