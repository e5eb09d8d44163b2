package plugin

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/acme/cq-source-bookshelf/client"
	"github.com/acme/cq-source-bookshelf/resources/services"
	"github.com/cloudquery/plugin-sdk/v4/message"
	"github.com/cloudquery/plugin-sdk/v4/plugin"
	"github.com/cloudquery/plugin-sdk/v4/scheduler"
	"github.com/cloudquery/plugin-sdk/v4/schema"
	"github.com/cloudquery/plugin-sdk/v4/transformers"
	"github.com/rs/zerolog"
)

var (
	Name    = "bookshelf"
	Kind    = "source"
	Team    = "acme"
	Version = "development" // set by the release build: -ldflags "-X .../resources/plugin.Version=v1.0.0"
)

func Plugin() *plugin.Plugin {
	return plugin.NewPlugin(
		Name,
		Version,
		Configure,
		plugin.WithKind(Kind),
		plugin.WithTeam(Team),
		plugin.WithJSONSchema(client.JSONSchema),
	)
}

type sourceClient struct {
	plugin.UnimplementedDestination

	logger    zerolog.Logger
	client    *client.Client
	tables    schema.Tables
	scheduler *scheduler.Scheduler
}

// Configure is called by the SDK with the JSON of the nested `spec:` block.
func Configure(_ context.Context, logger zerolog.Logger, specBytes []byte, opts plugin.NewClientOptions) (plugin.Client, error) {
	tables := schema.Tables{services.BooksTable()}
	if err := transformers.TransformTables(tables); err != nil {
		return nil, err
	}
	if opts.NoConnection {
		// `cloudquery tables` only needs the table list.
		return &sourceClient{logger: logger, tables: tables}, nil
	}

	var spec client.Spec
	if err := json.Unmarshal(specBytes, &spec); err != nil {
		return nil, fmt.Errorf("failed to unmarshal plugin spec: %w", err)
	}
	spec.SetDefaults()
	if err := spec.Validate(); err != nil {
		return nil, fmt.Errorf("invalid plugin spec: %w", err)
	}

	return &sourceClient{
		logger:    logger,
		client:    client.New(logger, spec),
		tables:    tables,
		scheduler: scheduler.NewScheduler(scheduler.WithLogger(logger), scheduler.WithConcurrency(spec.Concurrency)),
	}, nil
}

func (c *sourceClient) Tables(_ context.Context, opts plugin.TableOptions) (schema.Tables, error) {
	return c.tables.FilterDfs(opts.Tables, opts.SkipTables, opts.SkipDependentTables)
}

func (c *sourceClient) Sync(ctx context.Context, opts plugin.SyncOptions, res chan<- message.SyncMessage) error {
	tables, err := c.tables.FilterDfs(opts.Tables, opts.SkipTables, opts.SkipDependentTables)
	if err != nil {
		return err
	}
	return c.scheduler.Sync(ctx, c.client, tables, res, scheduler.WithSyncDeterministicCQID(opts.DeterministicCQID))
}

func (*sourceClient) Close(context.Context) error {
	return nil
}
