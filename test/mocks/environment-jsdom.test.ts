// @vitest-environment jsdom
import { describe } from 'vitest';
import { describeFlowInThisEnvironment } from './environments.shared.js';

describe('under jsdom', describeFlowInThisEnvironment);
