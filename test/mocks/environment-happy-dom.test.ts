// @vitest-environment happy-dom
import { describe } from 'vitest';
import { describeFlowInThisEnvironment } from './environments.shared.js';

describe('under happy-dom', describeFlowInThisEnvironment);
