// Stand-ins the unit tests share: an AWS SDK error as the SDK throws it, and a retry clock that
// advances instantly while recording how long the code asked to wait.
import { RetryClock } from "../../provider/aws/retry";

/** An error shaped as the AWS SDK v3 throws a service error (`name` is the AWS error code). */
export function awsError(name: string, message = `${name} happened`): Error {
    return Object.assign(new Error(message), { name, $fault: "client", $metadata: {} });
}

/** A clock that advances instantly, recording how long the code asked to wait. */
export function fakeClock(): RetryClock & { waited: number } {
    const c = {
        t: 0,
        waited: 0,
        now: () => c.t,
        random: () => 0.5,
        sleep: (ms: number) => {
            c.t += ms;
            c.waited += ms;
            return Promise.resolve();
        },
    };
    return c;
}
