// Command pulumi-sdkgen writes the Python or Go SDK of a Pulumi package schema with pkg/v3's
// codegen at the CLI's release: the GeneratePackage that pulumi-language-python and
// pulumi-language-go run when `pulumi package gen-sdk` asks them. The CLI (v3.259.0) has no
// codegen of its own for gen-sdk (pkg/cmd/pulumi/packages/packages.go GenSDK starts the
// language plugin), and the Go module proxy refuses both language hosts' modules
// (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3 and
// github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3: "403 Forbidden ... This module
// version is not available."), so test/distribution/plugin-sdks.test.ts runs this instead.
//
// Usage: pulumi-sdkgen <schema.json> <python|go> <out dir>
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-sdkgen"

// noPackages is the loader of a schema that refers to no other package: binding asks it for none,
// and a reference to one is an error rather than a plugin download.
type noPackages struct{}

var errNoPackages = errors.New("this schema may not refer to another package")

func (noPackages) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoPackages
}
func (noPackages) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoPackages
}
func (noPackages) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoPackages
}
func (noPackages) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errNoPackages
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: pulumi-sdkgen <schema.json> <python|go> <out dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-sdkgen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, language, out string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("the schema does not bind: %s", diags.Error())
	}
	var files map[string][]byte
	switch language {
	case "python":
		files, err = python.GeneratePackage(tool, pkg, nil, noPackages{})
	case "go":
		files, err = gogen.GeneratePackage(tool, pkg, nil)
	default:
		return fmt.Errorf("language %q: this generator writes python or go", language)
	}
	if err != nil {
		return err
	}
	for name, data := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d files of the %s SDK to %s\n", len(files), language, out)
	return nil
}
