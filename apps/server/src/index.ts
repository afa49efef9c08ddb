export { parseConfig, configVariables, ConfigError, type ServerConfig, type ConfigSource, type ConfigVariable } from './config.js';
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
export { createLogger } from './startup/create-logger.js';
