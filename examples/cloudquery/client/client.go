package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// Client is passed to every table resolver as schema.ClientMeta.
type Client struct {
	Logger zerolog.Logger
	Spec   Spec
	HTTP   *http.Client
}

func New(logger zerolog.Logger, spec Spec) *Client {
	return &Client{
		Logger: logger,
		Spec:   spec,
		HTTP:   &http.Client{Timeout: 30 * time.Second},
	}
}

func (c *Client) ID() string {
	return "bookshelf"
}

// GetJSON performs a context-aware GET request against the API and decodes the body into out.
func (c *Client) GetJSON(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Spec.BaseURL+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Spec.Token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: unexpected status %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
