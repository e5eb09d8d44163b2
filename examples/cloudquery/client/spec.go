package client

import (
	_ "embed"
	"errors"
	"fmt"
	"net/url"
)

const (
	defaultBaseURL     = "https://bookshelf.example.com/api/v1"
	defaultConcurrency = 100
	defaultPageSize    = 50
)

// JSONSchema is published with the plugin (plugin.WithJSONSchema) and written to
// dist/spec_json_schema.json by `go run main.go package`.
//
//go:embed schema.json
var JSONSchema string

// Spec is the plugin's own configuration: the `spec:` block nested inside the
// source spec of a sync configuration.
type Spec struct {
	// Base URL of the Bookshelf API.
	BaseURL string `json:"base_url,omitempty"`
	// API token, usually given as ${BOOKSHELF_TOKEN}.
	Token string `json:"token"`
	// Shelves to sync; all shelves when empty.
	Shelves []string `json:"shelves,omitempty"`
	// Number of books requested per page.
	PageSize int `json:"page_size,omitempty"`
	// Maximum number of concurrent resolvers.
	Concurrency int `json:"concurrency,omitempty"`
}

func (s *Spec) SetDefaults() {
	if s.BaseURL == "" {
		s.BaseURL = defaultBaseURL
	}
	if s.PageSize == 0 {
		s.PageSize = defaultPageSize
	}
	if s.Concurrency == 0 {
		s.Concurrency = defaultConcurrency
	}
}

func (s *Spec) Validate() error {
	if s.Token == "" {
		return errors.New("token is required")
	}
	if _, err := url.ParseRequestURI(s.BaseURL); err != nil {
		return fmt.Errorf("invalid base_url %q: %w", s.BaseURL, err)
	}
	if s.PageSize < 1 || s.PageSize > 500 {
		return fmt.Errorf("page_size must be between 1 and 500, got %d", s.PageSize)
	}
	return nil
}
