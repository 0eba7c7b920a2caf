import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.ts'
import { formatDuration, parseBoolean, parseChoice, parseDecimal, parseDuration, parseEndpoint, parseInteger, parseMoment, parseText } from '../../src/inputs/parse.ts'

const wide = { minMs: 1000, maxMs: 86_400_000 }

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h0m5s', 3_605_000],
    ['2m30s', 150_000],
    ['45', 45_000],
    [' 30m ', 1_800_000]
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration('timeout', text, wide)).toBe(ms)
  })

  it.each(['', 'abc', '1.5m', '-5', '10 m', '1d', 'm', '30s15m', '5ms', '1e3'])('rejects %j naming the input', (text) => {
    expect(() => parseDuration('timeout', text, wide)).toThrow(InputError)
    expect(() => parseDuration('timeout', text, wide)).toThrow(/Input `timeout` must be a duration such as 90s, 15m, 1h, 1h30m, or plain seconds/)
  })

  it('enforces bounds and says them', () => {
    expect(() => parseDuration('poll-interval', '0', wide)).toThrow('Input `poll-interval` must be between 1s and 24h (got "0").')
    expect(() => parseDuration('timeout', '25h', wide)).toThrow(/between 1s and 24h/)
  })

  it('formats back', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m')
    expect(formatDuration(0)).toBe('0s')
    expect(formatDuration(61_000)).toBe('1m1s')
  })
})

describe('numbers', () => {
  it('reads whole numbers within bounds', () => {
    expect(parseInteger('max-failed', '0', { min: 0, max: 10 })).toBe(0)
    expect(parseInteger('max-failed', ' 7 ', { min: 0, max: 10 })).toBe(7)
  })

  it.each(['-1', '1.5', 'ten', '', '11', '0x5', '1e1'])('rejects %j as a whole number', (text) => {
    expect(() => parseInteger('max-failed', text, { min: 0, max: 10 })).toThrow(/Input `max-failed` must be a whole number from 0 to 10/)
  })

  it('reads decimals for percentages', () => {
    expect(parseDecimal('max-failed-percent', '2.5', { min: 0, max: 100 })).toBe(2.5)
    expect(parseDecimal('max-failed-percent', '100', { min: 0, max: 100 })).toBe(100)
  })

  it.each(['100.1', '-0.5', 'NaN', 'Infinity', '5%', '.5', ''])('rejects %j as a percentage', (text) => {
    expect(() => parseDecimal('max-failed-percent', text, { min: 0, max: 100 })).toThrow(/Input `max-failed-percent` must be a number from 0 to 100/)
  })
})

describe('parseBoolean', () => {
  it.each(['true', 'True', 'TRUE'])('%s is true', (text) => expect(parseBoolean('soft-fail', text)).toBe(true))
  it.each(['false', 'False', 'FALSE'])('%s is false', (text) => expect(parseBoolean('soft-fail', text)).toBe(false))
  it.each(['yes', '1', 'tRue', 'on', ''])('rejects %j', (text) => {
    expect(() => parseBoolean('soft-fail', text)).toThrow(/Input `soft-fail` must be true or false/)
  })
})

describe('parseChoice', () => {
  it('accepts an allowed word and rejects others, listing them', () => {
    expect(parseChoice('task-type', 'cluster_scan', ['iac_scan', 'cluster_scan'])).toBe('cluster_scan')
    expect(() => parseChoice('task-type', 'IAC_SCAN', ['iac_scan', 'cluster_scan'])).toThrow('Input `task-type` must be one of iac_scan, cluster_scan (got "IAC_SCAN").')
  })
})

describe('parseEndpoint', () => {
  it.each([
    ['https://hss.ap-southeast-1.myhuaweicloud.com', 'https://hss.ap-southeast-1.myhuaweicloud.com'],
    ['https://hss.example.com/', 'https://hss.example.com'],
    ['https://gw.example.com/hss/', 'https://gw.example.com/hss'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.5.6.7', 'http://127.5.6.7'],
    ['http://localhost:9', 'http://localhost:9'],
    ['http://[::1]:9', 'http://[::1]:9']
  ])('%s is accepted', (text, url) => {
    expect(parseEndpoint('endpoint', text)).toBe(url)
  })

  it.each([
    ['http://hss.example.com', /only for 127\.0\.0\.0\/8, localhost and \[::1\]/],
    ['http://128.0.0.1', /only for/],
    ['http://localhost.evil.com', /only for/],
    ['ftp://hss.example.com', /must be an https:\/\/ URL/],
    ['hss.example.com', /must be an https:\/\/ URL/],
    ['https://hss.example.com/?x=1', /without a query/],
    ['not a url', /must be an https:\/\/ URL/]
  ])('%s is rejected', (text, message) => {
    expect(() => parseEndpoint('iam-endpoint', text)).toThrow(message)
    expect(() => parseEndpoint('iam-endpoint', text)).toThrow(/Input `iam-endpoint`/)
  })

  it('never echoes credentials embedded in a URL', () => {
    expect(() => parseEndpoint('endpoint', 'https://user:hunter2@hss.example.com')).toThrow(/must not carry a user name or password/)
    try {
      parseEndpoint('endpoint', 'https://user:hunter2@hss.example.com')
    } catch (error) {
      expect(String(error)).not.toContain('hunter2')
    }
  })
})

describe('parseText', () => {
  it('rejects line breaks and overlong values', () => {
    expect(() => parseText('task-name', 'a\nb', 255)).toThrow(/Input `task-name` must not contain control characters/)
    expect(() => parseText('task-name', 'x'.repeat(256), 255)).toThrow(/at most 255 characters/)
    expect(parseText('task-name', ' iac-pr-1 ', 255)).toBe('iac-pr-1')
  })
})

describe('parseMoment', () => {
  const now = Date.parse('2026-11-28T12:00:00Z')
  it.each([
    ['2026-11-28T09:30:00Z', Date.parse('2026-11-28T09:30:00Z')],
    ['2026-11-28T17:30:00+08:00', Date.parse('2026-11-28T09:30:00Z')],
    ['2026-11-28', Date.parse('2026-11-28T00:00:00Z')],
    ['1764322200000', 1_764_322_200_000],
    ['30m', now - 30 * 60_000],
    ['1h30m', now - 90 * 60_000],
    ['  2h ', now - 2 * 3600_000]
  ])('reads %s', (text, expected) => {
    expect(parseMoment('created-after', text, now)).toBe(expected)
  })

  it.each([
    ['yesterday', /must be an ISO 8601 time with its zone/],
    ['2026-11-28T09:30:00', /with its zone/],
    ['1764322200', /a plain number is read as epoch milliseconds/],
    ['2026-13-45', /ISO 8601/],
    ['-30m', /ISO 8601/]
  ])('rejects %s, naming the input', (text, message) => {
    expect(() => parseMoment('created-after', text, now)).toThrow(message)
    expect(() => parseMoment('created-after', text, now)).toThrow(/^Input `created-after`/)
  })
})
