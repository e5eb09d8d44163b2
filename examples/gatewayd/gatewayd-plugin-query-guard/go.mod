module github.com/acme-data/gatewayd-plugin-query-guard

go 1.24.0

require (
	github.com/gatewayd-io/gatewayd-plugin-sdk v0.4.4
	github.com/hashicorp/go-hclog v1.6.3
	github.com/hashicorp/go-plugin v1.7.0
	github.com/jackc/pgx/v5 v5.8.0
	google.golang.org/grpc v1.79.1
)
