import { describe, expect, it } from '@jest/globals'
import type { Task } from '../../../src/hss/models.ts'
import { adaptiveSchedule, fixedSchedule, JITTER, STRETCH_CAP } from '../../../src/gate/wait/schedule.ts'

const P = 15_000
const MIN = 60_000
const running = (estimated_time: number | undefined): Task => ({ task_id: 't', task_status: 'running', ...(estimated_time === undefined ? {} : { estimated_time }) })
/** No jitter: 0 for the first wait's offset, then 0.5, the middle of the ±10 % of stretched waits. */
const noJitter = () => {
  let calls = 0
  return () => (calls++ === 0 ? 0 : 0.5)
}

describe('adaptiveSchedule', () => {
  it('waits poll-interval while the task is not found or has no estimate', () => {
    const s = adaptiveSchedule(P, noJitter())
    expect(s.next(undefined, 0)).toBe(P)
    expect(s.next(running(undefined), 0)).toBe(P)
  })

  it('stretches to the estimate less a minute, at least poll-interval, at most 4 × poll-interval', () => {
    expect(adaptiveSchedule(P, noJitter()).next(running(2), 0)).toBe(MIN)
    expect(adaptiveSchedule(P, noJitter()).next(running(60), 0)).toBe(STRETCH_CAP * P)
    expect(adaptiveSchedule(5 * MIN, noJitter()).next(running(60), 0)).toBe(20 * MIN)
    expect(adaptiveSchedule(P, noJitter()).next({ ...running(2), estimated_time: 1.25 }, 0)).toBe(P)
  })

  it('never stretches while the estimate is 1 minute or less', () => {
    for (const estimate of [0, 0.5, 1]) expect(adaptiveSchedule(P, noJitter()).next(running(estimate), 0)).toBe(P)
  })

  it('keeps stretching while estimates count down as promised', () => {
    const s = adaptiveSchedule(P, noJitter())
    expect(s.next(running(10), 0)).toBe(4 * P)
    expect(s.next(running(9), MIN)).toBe(4 * P)
    expect(s.next(running(8), 2 * MIN)).toBe(4 * P)
    expect(s.next(running(2), 8 * MIN)).toBe(MIN)
    expect(s.next(running(1), 9 * MIN)).toBe(P)
  })

  it('returns to poll-interval for good when HSS raises its estimate', () => {
    const s = adaptiveSchedule(P, noJitter())
    expect(s.next(running(10), 0)).toBe(4 * P)
    expect(s.next(running(12), MIN)).toBe(P)
    expect(s.next(running(11), 2 * MIN)).toBe(P)
  })

  it('returns to poll-interval for good when the predicted finish passes', () => {
    const s = adaptiveSchedule(P, noJitter())
    expect(s.next(running(3), 0)).toBe(4 * P)
    expect(s.next(running(3), 4.5 * MIN)).toBe(P)
    expect(s.next(running(30), 5 * MIN)).toBe(P)
  })

  it('tolerates the 1-minute rounding of HSS estimates', () => {
    const s = adaptiveSchedule(P, noJitter())
    s.next(running(10), 0)
    expect(s.next(running(10), 30_000)).toBe(4 * P)
  })

  it('shortens only the first plain wait, by up to 10 %, and never lengthens a plain wait', () => {
    const s = adaptiveSchedule(P, () => 0.999)
    expect(s.next(undefined, 0)).toBe(Math.round(P * (1 - JITTER * 0.999)))
    expect(s.next(undefined, P)).toBe(P)
    expect(adaptiveSchedule(P, () => 0).next(undefined, 0)).toBe(P)
  })

  it('varies stretched waits by ±10 %, never above the cap', () => {
    const P30 = 30_000 // a 2-minute estimate stretches to 60 s, under this cap of 120 s
    expect(adaptiveSchedule(P30, () => 0).next(running(2), 0)).toBe(Math.round(MIN * (1 - JITTER)))
    expect(adaptiveSchedule(P30, () => 0.999999).next(running(2), 0)).toBe(Math.round(MIN * (1 + JITTER * 0.999998)))
    expect(adaptiveSchedule(P, () => 0.999999).next(running(60), 0)).toBe(STRETCH_CAP * P)
  })

  it('keeps two gates started together out of lockstep for the whole run', () => {
    const a = adaptiveSchedule(P, () => 0.2)
    const b = adaptiveSchedule(P, () => 0.8)
    let ta = 0
    let tb = 0
    const gaps: number[] = []
    for (let i = 0; i < 10; i++) {
      ta += a.next(running(undefined), ta)
      tb += b.next(running(undefined), tb)
      gaps.push(Math.abs(ta - tb))
    }
    expect(new Set(gaps)).toEqual(new Set([0.6 * JITTER * P]))
  })
})

describe('fixedSchedule', () => {
  it('always waits poll-interval', () => {
    expect(fixedSchedule(P).next(running(60), 0)).toBe(P)
  })
})
