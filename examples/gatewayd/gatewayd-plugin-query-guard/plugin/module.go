package plugin

import (
	v1 "github.com/gatewayd-io/gatewayd-plugin-sdk/plugin/v1"
	goplugin "github.com/hashicorp/go-plugin"
)

// Version is set at build time: -ldflags "-X ${CONFIG_PACKAGE}.Version=1.2.0".
var Version = "0.0.0-dev"

var (
	PluginID = v1.PluginID{
		Name:      "gatewayd-plugin-query-guard",
		Version:   Version,
		RemoteUrl: "github.com/acme-data/gatewayd-plugin-query-guard",
	}

	PluginMap = map[string]goplugin.Plugin{
		"gatewayd-plugin-query-guard": &QueryGuard{},
	}

	// PluginConfig is what GatewayD receives from GetPluginConfig when it
	// loads the plugin: identity, metadata and the hooks to call.
	PluginConfig = map[string]any{
		"id": map[string]any{
			"name":      PluginID.GetName(),
			"version":   PluginID.GetVersion(),
			"remoteUrl": PluginID.GetRemoteUrl(),
		},
		"description": "Refuses statements on a deny list before they reach PostgreSQL",
		"authors":     []any{"ACME Data Platform Team"},
		"license":     "Apache 2.0",
		"projectUrl":  "https://github.com/acme-data/gatewayd-plugin-query-guard",
		"config":      map[string]any{},
		"hooks": []any{
			int32(v1.HookName_HOOK_NAME_ON_TRAFFIC_FROM_CLIENT),
		},
		"tags":       []any{"security", "postgres"},
		"categories": []any{"security"},
	}
)
