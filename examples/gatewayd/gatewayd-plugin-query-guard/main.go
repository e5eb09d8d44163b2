// Command gatewayd-plugin-query-guard is a GatewayD plugin that refuses
// statements matching a deny list before they reach PostgreSQL.
//
// GatewayD starts this binary itself (see gatewayd_plugin.yaml); running it
// by hand only prints go-plugin's "This binary is a plugin" notice.
package main

import (
	"flag"
	"os"

	"github.com/acme-data/gatewayd-plugin-query-guard/plugin"
	sdkConfig "github.com/gatewayd-io/gatewayd-plugin-sdk/config"
	"github.com/gatewayd-io/gatewayd-plugin-sdk/logging"
	sdkPlugin "github.com/gatewayd-io/gatewayd-plugin-sdk/plugin"
	v1 "github.com/gatewayd-io/gatewayd-plugin-sdk/plugin/v1"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
)

func main() {
	// Flags come from the `args` list of the plugin entry.
	logLevel := flag.String("log-level", "info", "Log level: trace, debug, info, warn or error")
	flag.Parse()

	logger := hclog.New(&hclog.LoggerOptions{
		Name:       plugin.PluginID.GetName(),
		Level:      logging.GetLogLevel(*logLevel),
		Output:     os.Stderr,
		JSONFormat: true,
		Color:      hclog.ColorOff,
	})

	guard := plugin.NewQueryGuard(plugin.Plugin{
		Logger:   logger,
		DenyList: plugin.ParseDenyList(sdkConfig.GetEnv("DENY_STATEMENTS", "DROP DATABASE,DROP TABLE,TRUNCATE")),
	})

	// The handshake must match the one GatewayD uses: both values arrive
	// through the `env` list of the plugin entry (MAGIC_COOKIE_KEY and
	// MAGIC_COOKIE_VALUE).
	goplugin.Serve(&goplugin.ServeConfig{
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  1,
			MagicCookieKey:   sdkConfig.GetEnv("MAGIC_COOKIE_KEY", ""),
			MagicCookieValue: sdkConfig.GetEnv("MAGIC_COOKIE_VALUE", ""),
		},
		Plugins: v1.GetPluginSetMap(map[string]goplugin.Plugin{
			plugin.PluginID.GetName(): guard,
		}),
		GRPCServer: sdkPlugin.DefaultGRPCServer,
		Logger:     logger,
	})
}
