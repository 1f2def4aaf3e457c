#!/usr/bin/env bash
# Static checks of the shipping files: cfn-lint on the SAM and ECS templates, `docker-compose config` on
# both compose files (no daemon needed), dockerfilelint on the Dockerfiles. Installs what is
# missing (docker-compose from Debian, dockerfilelint from npm); safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)

if ! command -v docker-compose >/dev/null 2>&1; then
  apt-get update -qq
  # Without recommends: the compose client only, no Docker engine.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
if ! command -v dockerfilelint >/dev/null 2>&1; then
  npm install -g --no-fund --no-audit dockerfilelint@1.8.0 >/dev/null
fi
command -v cfn-lint >/dev/null 2>&1 || { echo "cfn-lint not on PATH (pip install cfn-lint)" >&2; exit 1; }

echo "==> cfn-lint lambda/template.yaml"
cfn-lint lambda/template.yaml
echo "no errors"
echo "==> cfn-lint container/template.yaml"
cfn-lint container/template.yaml
echo "no errors"

echo "==> docker-compose config"
# Both files read the application settings from an env file; the documented example stands in.
for profile in localstack moto; do
  APP_ENV_FILE=.env.example COMPOSE_PROFILES=$profile \
    docker-compose --env-file .env.example -f docker-compose.yml config -q
  echo "docker-compose.yml ($profile profile): valid"
done
APP_ENV_FILE=../.env.example docker-compose -f container/docker-compose.prod.yml config -q
echo "container/docker-compose.prod.yml: valid"

echo "==> dockerfilelint container/Dockerfile lambda/Dockerfile"
dockerfilelint -c container container/Dockerfile
# The same settings: lambda/Dockerfile's base images are build arguments too.
dockerfilelint -c container lambda/Dockerfile
echo "lint total: $(( $(date +%s) - t0 )) s"
