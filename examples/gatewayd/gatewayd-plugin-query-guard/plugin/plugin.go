package plugin

import (
	"context"
	"strings"

	sdkAct "github.com/gatewayd-io/gatewayd-plugin-sdk/act"
	"github.com/gatewayd-io/gatewayd-plugin-sdk/databases/postgres"
	v1 "github.com/gatewayd-io/gatewayd-plugin-sdk/plugin/v1"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
	"github.com/jackc/pgx/v5/pgproto3"
	"google.golang.org/grpc"
)

// Plugin implements the hooks; GatewayD only calls the ones listed in
// PluginConfig["hooks"].
type Plugin struct {
	goplugin.GRPCPlugin
	v1.GatewayDPluginServiceServer

	Logger   hclog.Logger
	DenyList []string
}

// QueryGuard is the go-plugin wrapper registered under the plugin's name.
type QueryGuard struct {
	goplugin.NetRPCUnsupportedPlugin
	Impl Plugin
}

// NewQueryGuard wraps impl for go-plugin.
func NewQueryGuard(impl Plugin) *QueryGuard {
	return &QueryGuard{Impl: impl}
}

// GRPCServer registers the plugin service on GatewayD's gRPC connection.
func (g *QueryGuard) GRPCServer(_ *goplugin.GRPCBroker, s *grpc.Server) error {
	v1.RegisterGatewayDPluginServiceServer(s, &g.Impl)
	return nil
}

// GRPCClient returns the client side of the service (used by GatewayD).
func (g *QueryGuard) GRPCClient(_ context.Context, _ *goplugin.GRPCBroker, c *grpc.ClientConn) (any, error) {
	return v1.NewGatewayDPluginServiceClient(c), nil
}

// ParseDenyList turns "DROP TABLE, truncate" into ["DROP TABLE", "TRUNCATE"].
func ParseDenyList(raw string) []string {
	var out []string
	for _, item := range strings.Split(raw, ",") {
		if item = strings.ToUpper(strings.TrimSpace(item)); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// GetPluginConfig tells GatewayD who we are and which hooks to call.
func (p *Plugin) GetPluginConfig(_ context.Context, _ *v1.Struct) (*v1.Struct, error) {
	return v1.NewStruct(PluginConfig)
}

// OnTrafficFromClient inspects each simple query and answers denied ones
// with a PostgreSQL error instead of forwarding them.
func (p *Plugin) OnTrafficFromClient(_ context.Context, req *v1.Struct) (*v1.Struct, error) {
	query, err := postgres.GetQueryFromRequest(req.Fields["request"].GetBytesValue())
	if err != nil || query == "" {
		return req, nil //nolint:nilerr // not a query message: let it through
	}

	normalized := strings.ToUpper(strings.Join(strings.Fields(query), " "))
	for _, denied := range p.DenyList {
		if strings.Contains(normalized, denied) {
			p.Logger.Warn("Denied statement", "statement", denied)
			return p.deny(req, denied), nil
		}
	}

	return req, nil
}

// deny sets a terminate signal and an ErrorResponse + ReadyForQuery reply.
func (p *Plugin) deny(req *v1.Struct, statement string) *v1.Struct {
	errResp := postgres.ErrorResponse(
		"statement refused by gatewayd-plugin-query-guard",
		"ERROR",
		"42501", // insufficient_privilege
		statement+" is on the deny list",
	)
	response, err := (&pgproto3.ReadyForQuery{TxStatus: 'I'}).Encode(errResp)
	if err != nil {
		p.Logger.Error("Failed to encode response", "error", err)
		return req
	}

	signals, err := v1.NewList([]any{
		sdkAct.Terminate().ToMap(),
		sdkAct.Log("warn", "query-guard refused a statement", map[string]any{
			"statement": statement,
		}).ToMap(),
	})
	if err != nil {
		p.Logger.Error("Failed to build signals", "error", err)
		return req
	}

	req.Fields[sdkAct.Signals] = v1.NewListValue(signals)
	req.Fields["response"] = v1.NewBytesValue(response)
	return req
}
