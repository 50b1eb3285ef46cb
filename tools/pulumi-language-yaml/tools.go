//go:build tools

// Package tools pins the YAML language host's main package so `go mod tidy` records every
// module it needs in go.sum.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
	_ "github.com/pulumi/pulumi/sdk/v3/go/common/version"
)
