# Sourced by the ready.d hooks: which AWS (or emulator) they talk to, and how.
#   AWS_ENDPOINT_URL    endpoint to talk to (default http://localhost:4566, LocalStack);
#                       set it to an empty string to use real AWS
#   AWS_DEFAULT_REGION  region (default us-east-1)
# Lives outside ready.d so LocalStack does not run it as a hook of its own.

endpoint="${AWS_ENDPOINT_URL-http://localhost:4566}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_PAGER=""

endpoint_args=()
if [[ -n "$endpoint" ]]; then
  endpoint_args=(--endpoint-url "$endpoint")
  # Emulators accept any credentials, but the CLI refuses to sign without some.
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
  export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
else
  unset AWS_ENDPOINT_URL
fi

awscli() {
  aws "${endpoint_args[@]}" "$@"
}
