import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { DebugSession, Event, ExitedEvent, InitializedEvent, OutputEvent, TerminatedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { LaunchPlan, LaunchStep } from '../../../server/src/systems';

import { START_DEBUGGER_EVENT } from './events';

export { START_DEBUGGER_EVENT };

interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** Built by the configuration provider from the launch configuration. */
  plan: LaunchPlan;
}

/**
 * An inline debug adapter that runs a plugin host in its dev mode: it puts files in place, starts
 * the steps (a plugin server first when there is one), streams their output into the Debug
 * Console, and on stop kills every process it started with its whole process group.
 */
export class PluginHostSession extends DebugSession {
  private readonly children: ChildProcess[] = [];
  private ended = false;

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = { ...response.body, supportsTerminateRequest: true, supportsConfigurationDoneRequest: false };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): Promise<void> {
    let responded = false;
    try {
      for (const note of args.plan.notes ?? []) this.output(`${note}\n`, 'console');
      for (const { from, to } of args.plan.copies) {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(from, to);
        this.output(`copied ${from} -> ${to}\n`, 'console');
      }
      for (const { file, content } of args.plan.writes) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
      this.sendResponse(response);
      responded = true;
      for (const step of args.plan.steps) {
        const child = step.debugger ? this.startUnderDebugger(step.debugger) : this.startStep(step);
        if (step.waitForPort !== undefined) await this.waitForPort(step.waitForPort, child);
      }
    } catch (error) {
      this.output(`${(error as Error).message}\n`, 'stderr');
      if (!responded) this.sendErrorResponse(response, 1, (error as Error).message);
      this.end(1);
    }
  }

  private startStep(step: LaunchStep): ChildProcess {
    this.output(`$ ${[step.command, ...step.args].map(quote).join(' ')}\n`, 'console');
    const child = spawn(step.command, step.args, {
      cwd: step.cwd,
      env: { ...process.env, ...step.env },
      // Its own process group, so that stop kills whatever the host started too.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    child.stdout?.on('data', (chunk: Buffer) => this.output(chunk.toString(), 'stdout'));
    child.stderr?.on('data', (chunk: Buffer) => this.output(chunk.toString(), 'stderr'));
    child.on('error', (error) => {
      this.output(`could not start ${step.command}: ${error.message}\n`, 'stderr');
      this.end(1);
    });
    child.on('exit', (code, signal) => {
      this.output(
        `${path.basename(step.command)} exited ${signal ? `on ${signal}` : `with code ${code}`}\n`,
        'console',
      );
      // The session lives as long as the host; a plugin server that dies takes it down too.
      this.end(code ?? 1);
    });
    return child;
  }

  private startUnderDebugger(configuration: Record<string, unknown>): undefined {
    this.output(
      `starting the plugin under the ${String(configuration.type)} debugger: ${[configuration.program, ...((configuration.args as string[]) ?? [])].join(' ')}\n`,
      'console',
    );
    this.sendEvent(new Event(START_DEBUGGER_EVENT, { configuration }));
    return undefined;
  }

  private waitForPort(port: number, child: ChildProcess | undefined, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const attempt = () => {
        if ((child && child.exitCode !== null) || this.ended)
          return reject(new Error(`the plugin server stopped before it listened on port ${port}`));
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', () => {
          socket.destroy();
          if (Date.now() > deadline)
            reject(new Error(`the plugin server did not listen on port ${port} within ${timeoutMs / 1000}s`));
          else setTimeout(attempt, 250);
        });
      };
      attempt();
    });
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.killAll();
    this.sendResponse(response);
    this.end(0);
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.killAll();
    this.sendResponse(response);
  }

  private killAll(): void {
    for (const child of this.children) {
      if (child.exitCode !== null || child.pid === undefined) continue;
      try {
        if (process.platform === 'win32') child.kill();
        else process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const pid = child.pid;
      setTimeout(() => {
        try {
          if (process.platform !== 'win32') process.kill(-pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 2000).unref();
    }
  }

  private end(code: number): void {
    if (this.ended) return;
    this.ended = true;
    this.killAll();
    this.sendEvent(new ExitedEvent(code));
    this.sendEvent(new TerminatedEvent());
  }

  private output(text: string, category: 'stdout' | 'stderr' | 'console'): void {
    this.sendEvent(new OutputEvent(text, category));
  }
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
