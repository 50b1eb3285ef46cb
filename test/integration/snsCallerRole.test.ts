// The SnsCallerRole provider's lifecycle against a real moto server, called as the engine calls
// it (check first, olds are the last outputs). moto's IAM stores and returns roles, trust and
// inline policies like AWS (URL-encoded documents, DeleteConflict, NoSuchEntity); it does not
// validate the trust policy on CreateRole (see ../shared/reference/moto.md §2). Paths moto
// cannot produce (a PutRolePolicy failing after CreateRole, AccessDenied) are in
// test/unit/snsCallerRoleProvider.test.ts.
import * as assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { DeleteUserPoolCommand, SetUserPoolMfaConfigCommand, UpdateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import {
    AttachRolePolicyCommand,
    CreatePolicyCommand,
    CreateRoleCommand,
    DeleteRoleCommand,
    DeleteRolePolicyCommand,
    DetachRolePolicyCommand,
    GetRoleCommand,
    GetRolePolicyCommand,
    ListRolesCommand,
    PutRolePolicyCommand,
    UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { awsEnv, cognitoClient, createUserPool, iamClient, useMoto } from "../harness/moto";
import {
    PERMISSION_POLICY_NAME,
    ROLE_INSTANCE_TAG,
    roleNameFor,
    SnsCallerRoleInputs,
    SnsCallerRoleOutputs,
} from "../../provider/snsCallerRole/model";
import { PERMISSION_POLICY_DOCUMENT } from "../../provider/snsCallerRole/policies";
import { OWNER_TAG_KEY } from "../../provider/common/tags";

const PERMISSION_POLICY_DOCUMENT_OBJECT = JSON.parse(PERMISSION_POLICY_DOCUMENT) as unknown;
import { SnsCallerRoleProvider, snsCallerRoleProvider } from "../../provider/snsCallerRole/provider";
import { UserPoolMfaConfigProvider } from "../../provider/userPoolMfaConfig/provider";

const m = useMoto();
const ACCOUNT = "123456789012"; // moto's default account

function trustFor(externalId: string, sourceArn: string) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cognito-idp.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "sts:ExternalId": externalId, "aws:SourceAccount": ACCOUNT },
                    ArnLike: { "aws:SourceArn": sourceArn },
                },
            },
        ],
    };
}

async function liveTrust(roleName: string): Promise<unknown> {
    const res = await iamClient(m.moto.endpoint).send(new GetRoleCommand({ RoleName: roleName }));
    return JSON.parse(decodeURIComponent(res.Role!.AssumeRolePolicyDocument!));
}

async function livePermission(roleName: string): Promise<unknown> {
    const res = await iamClient(m.moto.endpoint).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: PERMISSION_POLICY_NAME }));
    return JSON.parse(decodeURIComponent(res.PolicyDocument!));
}

async function liveTags(roleName: string): Promise<Record<string, string>> {
    const res = await iamClient(m.moto.endpoint).send(new GetRoleCommand({ RoleName: roleName }));
    return Object.fromEntries((res.Role!.Tags ?? []).map((t) => [t.Key!, t.Value!]));
}

async function roleNames(): Promise<string[]> {
    return ((await iamClient(m.moto.endpoint).send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName!);
}

async function roleExists(roleName: string): Promise<boolean> {
    try {
        await iamClient(m.moto.endpoint).send(new GetRoleCommand({ RoleName: roleName }));
        return true;
    } catch (err) {
        if ((err as Error).name === "NoSuchEntityException") return false;
        throw err;
    }
}

describe("SnsCallerRole provider against moto", () => {
    let provider: SnsCallerRoleProvider;
    let poolId: string;

    /** check then create, as the engine does for a new resource. */
    async function up(news: SnsCallerRoleInputs): Promise<{ id: string; outs: SnsCallerRoleOutputs; inputs: SnsCallerRoleInputs }> {
        const checked = await provider.check!({}, news);
        assert.deepEqual(checked.failures, []);
        const { id, outs } = await provider.create(checked.inputs!);
        return { id, outs: outs!, inputs: checked.inputs! };
    }

    beforeEach(async () => {
        Object.assign(process.env, awsEnv(m.moto.endpoint));
        provider = snsCallerRoleProvider();
        poolId = await createUserPool(m.moto.endpoint);
    });

    it("create for a pool: exact trust and permission documents, account from the pool's ARN", async () => {
        const { id, outs, inputs } = await up({ roleName: "cognito-sms", userPoolId: poolId, externalId: "ext-123" });
        assert.equal(id, "cognito-sms");
        assert.equal(outs.arn, `arn:aws:iam::${ACCOUNT}:role/cognito-sms`);
        assert.equal(outs.roleName, "cognito-sms");
        assert.equal(outs.path, "/");
        assert.equal(outs.externalId, "ext-123");
        assert.equal(outs.region, "us-east-1");
        assert.equal(outs.accountId, ACCOUNT);
        const sourceArn = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${poolId}`;
        assert.equal(outs.sourceArn, sourceArn);
        // Neither what SnsCallerRole.smsConfiguration builds from arn and externalId, nor the
        // name of the sns:Publish policy every SNS role has, takes room in the state.
        assert.ok(!("smsConfiguration" in outs) && !("__policyName" in outs), Object.keys(outs).join());
        assert.deepEqual(await liveTrust("cognito-sms"), trustFor("ext-123", sourceArn));
        assert.deepEqual(await livePermission("cognito-sms"), JSON.parse(PERMISSION_POLICY_DOCUMENT));
        assert.deepEqual(JSON.parse(outs.trustPolicy), trustFor("ext-123", sourceArn));
        // Next preview with the same program: no change.
        const again = await provider.check!(inputs, { roleName: "cognito-sms", userPoolId: poolId, externalId: "ext-123" });
        assert.equal((await provider.diff!(id, outs, again.inputs!)).changes, false);
    });

    it("create with namePrefix and no pool: generated name and ExternalId, userpool/* trust with the account from the role's ARN", async () => {
        const { id, outs, inputs } = await up({
            namePrefix: "sms-",
            path: "/service-role/",
            description: "Cognito SMS",
            tags: { team: "id" },
        });
        assert.match(outs.roleName, /^sms-[a-z2-7]{26}$/);
        assert.equal(id, outs.roleName);
        assert.equal(outs.arn, `arn:aws:iam::${ACCOUNT}:role/service-role/${outs.roleName}`);
        assert.equal(outs.path, "/service-role/");
        assert.match(outs.externalId, /^[0-9a-f-]{36}$/);
        assert.equal(inputs.externalId, outs.externalId);
        assert.equal(outs.description, "Cognito SMS");
        assert.deepEqual(outs.tags, { team: "id" });
        // CreateRole had no account to put in the policy; the final one is written right after.
        assert.deepEqual(await liveTrust(outs.roleName), trustFor(outs.externalId, `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/*`));
        // The suffix is kept: the same program again is no change, and no replacement.
        const again = await provider.check!(inputs, {
            namePrefix: "sms-",
            path: "/service-role/",
            description: "Cognito SMS",
            tags: { team: "id" },
        });
        assert.equal(again.inputs!.externalId, outs.externalId, "ExternalId stays across check calls");
        assert.deepEqual(await provider.diff!(id, outs, again.inputs!), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("read: a clean refresh returns the same props and inputs", async () => {
        const { id, outs, inputs } = await up({ roleName: "r-read", userPoolId: poolId, tags: { a: "1" } });
        const r = await provider.read!(id, outs);
        assert.equal(r.id, id);
        assert.deepEqual(r.props, outs);
        assert.deepEqual(r.inputs, inputs);
        assert.equal((await provider.diff!(id, r.props, inputs)).changes, false);
    });

    it("sender eumsSms: sms-voice:SendTextMessage, scoped to the origination identity, and smsConfiguration.eumsSms; switching back swaps the policy in place", async () => {
        const origin = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1";
        const { id, outs, inputs } = await up({ roleName: "r-eums", userPoolId: poolId, sender: "eumsSms", originationIdentity: origin });
        const policy = async (name: string) => {
            try {
                const res = await iamClient(m.moto.endpoint).send(new GetRolePolicyCommand({ RoleName: "r-eums", PolicyName: name }));
                return JSON.parse(decodeURIComponent(res.PolicyDocument!)) as unknown;
            } catch (err) {
                if ((err as Error).name === "NoSuchEntityException") return undefined;
                throw err;
            }
        };
        assert.deepEqual(await policy("sms-voice-send-text-message"), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "sms-voice:SendTextMessage", Resource: origin }],
        });
        assert.equal(await policy(PERMISSION_POLICY_NAME), undefined, "no sns:Publish policy");
        assert.ok(!("smsConfiguration" in outs) && !("__policyName" in outs), "the sender names the policy");
        const r = await provider.read!(id, outs);
        assert.deepEqual(r.props, outs);
        assert.equal((await provider.diff!(id, outs, inputs)).changes, false);

        const sns = { ...inputs, sender: undefined, originationIdentity: undefined };
        delete sns.sender;
        delete sns.originationIdentity;
        assert.equal((await provider.diff!(id, outs, sns)).changes, true);
        const { outs: after } = await provider.update!(id, outs, sns);
        assert.deepEqual(await livePermission("r-eums"), PERMISSION_POLICY_DOCUMENT_OBJECT);
        assert.equal(await policy("sms-voice-send-text-message"), undefined, "the End User Messaging SMS policy is gone");
        assert.equal(after!.sender, undefined, "back to the default sender");
        assert.equal(after!.__policyName, undefined, "back to the default sender's policy name");
        await provider.delete!(id, after!);
        assert.equal(await roleExists("r-eums"), false);
    });

    it("bookkeeping of a 0.1.0 state: read keeps its names and smsConfiguration (no change on refresh), update moves them to __ names", async () => {
        const { id, outs, inputs } = await up({ roleName: "r-legacy", userPoolId: poolId });
        assert.ok(!("policyName" in outs) && !("inputKeys" in outs), "new roles keep their bookkeeping under __ names");
        // The outputs as 0.1.0 stored them (with no state version).
        const { __inputKeys, __stateVersion, ...rest } = outs as SnsCallerRoleOutputs & { __stateVersion?: number };
        assert.equal(__stateVersion, 1, "a new state carries the current state version");
        const legacy = {
            ...rest,
            policyName: PERMISSION_POLICY_NAME,
            inputKeys: __inputKeys,
            smsConfiguration: { snsCallerArn: outs.arn, externalId: outs.externalId },
        } as SnsCallerRoleOutputs;
        const r = await provider.read!(id, legacy);
        assert.deepEqual(r.props, legacy, "a refresh of an upgraded stack reports no change");
        assert.deepEqual(r.inputs, inputs);
        assert.equal((await provider.diff!(id, legacy, inputs)).changes, false);
        const { outs: updated } = await provider.update!(id, legacy, inputs);
        assert.deepEqual({ ...updated, __instance: undefined }, { ...outs, __instance: undefined }, "the next update writes the __ names");
        await provider.delete!(id, legacy);
        assert.equal(await roleExists("r-legacy"), false, "delete finds the inline policy under the old name too");
    });

    it("drift: an out-of-band trust policy and inline policy are reported by read and restored by update", async () => {
        const { id, outs, inputs } = await up({ roleName: "r-drift", userPoolId: poolId, externalId: "ext-good" });
        const iam = iamClient(m.moto.endpoint);
        const loose = trustFor("ext-evil", `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/*`);
        await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "r-drift", PolicyDocument: JSON.stringify(loose) }));
        const narrow = {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: `arn:aws:sns:us-east-1:${ACCOUNT}:topic` }],
        };
        await iam.send(
            new PutRolePolicyCommand({ RoleName: "r-drift", PolicyName: PERMISSION_POLICY_NAME, PolicyDocument: JSON.stringify(narrow) }),
        );

        const r = await provider.read!(id, outs);
        assert.deepEqual(JSON.parse(r.props!.trustPolicy), loose, "props show the live trust policy");
        assert.deepEqual(JSON.parse(r.props!.permissionPolicy!), narrow, "props show the live inline policy");
        assert.equal(r.props!.externalId, "ext-good", "the managed ExternalId stays what the pool must use");
        assert.deepEqual(r.inputs, inputs);
        const d = await provider.diff!(id, r.props!, inputs);
        assert.deepEqual(d, { changes: true, replaces: [], deleteBeforeReplace: false });

        const { outs: fixed } = await provider.update!(id, r.props!, inputs);
        const sourceArn = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${poolId}`;
        assert.deepEqual(await liveTrust("r-drift"), trustFor("ext-good", sourceArn));
        assert.deepEqual(await livePermission("r-drift"), JSON.parse(PERMISSION_POLICY_DOCUMENT));
        assert.equal(fixed!.arn, outs.arn);
        const after = await provider.read!(id, fixed);
        assert.equal((await provider.diff!(id, after.props!, inputs)).changes, false);
    });

    it("drift: an inline policy deleted out of band reads as missing and update puts it back", async () => {
        const { id, outs, inputs } = await up({ roleName: "r-nopol", userPoolId: poolId });
        await iamClient(m.moto.endpoint).send(new DeleteRolePolicyCommand({ RoleName: "r-nopol", PolicyName: PERMISSION_POLICY_NAME }));
        const r = await provider.read!(id, outs);
        assert.equal(r.props!.permissionPolicy, undefined);
        assert.equal((await provider.diff!(id, r.props!, inputs)).changes, true);
        await provider.update!(id, r.props!, inputs);
        assert.deepEqual(await livePermission("r-nopol"), JSON.parse(PERMISSION_POLICY_DOCUMENT));
    });

    it("update in place: ExternalId, pool, description, tags and boundary change without a new role", async () => {
        const first = await up({
            roleName: "r-upd",
            userPoolId: poolId,
            externalId: "ext-1",
            description: "one",
            tags: { a: "1", b: "2" },
        });
        const otherPool = await createUserPool(m.moto.endpoint, "other");
        const news: SnsCallerRoleInputs = {
            roleName: "r-upd",
            userPoolId: otherPool,
            externalId: "ext-2",
            description: "two",
            tags: { b: "3", c: "4" },
            permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
        };
        const checked = await provider.check!(first.inputs, news);
        assert.deepEqual(checked.failures, []);
        const d = await provider.diff!(first.id, first.outs, checked.inputs!);
        assert.deepEqual(d, { changes: true, replaces: [], deleteBeforeReplace: false });
        const { outs } = await provider.update!(first.id, first.outs, checked.inputs!);
        assert.equal(outs!.arn, first.outs.arn);
        assert.equal(outs!.roleId, first.outs.roleId, "same role, not a new one");
        assert.deepEqual(await liveTrust("r-upd"), trustFor("ext-2", `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${otherPool}`));
        const live = await iamClient(m.moto.endpoint).send(new GetRoleCommand({ RoleName: "r-upd" }));
        assert.equal(live.Role!.Description, "two");
        assert.deepEqual(Object.fromEntries(live.Role!.Tags!.map((t) => [t.Key, t.Value])), { b: "3", c: "4" });
        assert.equal(live.Role!.PermissionsBoundary?.PermissionsBoundaryArn, `arn:aws:iam::${ACCOUNT}:policy/boundary`);
        assert.equal(outs!.externalId, "ext-2");
        const r = await provider.read!(first.id, outs);
        assert.deepEqual(r.inputs, checked.inputs);
        assert.equal((await provider.diff!(first.id, r.props!, checked.inputs!)).changes, false);

        // Removing description, tags and boundary clears them.
        const bare = await provider.check!(checked.inputs!, { roleName: "r-upd", userPoolId: otherPool, externalId: "ext-2" });
        const { outs: cleared } = await provider.update!(first.id, outs!, bare.inputs!);
        const live2 = await iamClient(m.moto.endpoint).send(new GetRoleCommand({ RoleName: "r-upd" }));
        assert.equal(live2.Role!.Description || undefined, undefined);
        assert.deepEqual(live2.Role!.Tags ?? [], []);
        assert.equal(live2.Role!.PermissionsBoundary, undefined);
        assert.equal((await provider.diff!(first.id, cleared!, bare.inputs!)).changes, false);
    });

    it("replacements: a new name creates first; the same name on a new path deletes first", async () => {
        const { id, outs, inputs } = await up({ roleName: "r-rep", userPoolId: poolId });
        const rename = await provider.diff!(id, outs, { ...inputs, roleName: "r-rep2" });
        assert.deepEqual(rename, { changes: true, replaces: ["roleName"], deleteBeforeReplace: false });
        const move = await provider.diff!(id, outs, { ...inputs, path: "/other/" });
        assert.deepEqual(move, { changes: true, replaces: ["path"], deleteBeforeReplace: true });
        const toPrefix = await provider.diff!(id, outs, { ...inputs, roleName: undefined, namePrefix: "r-" });
        assert.deepEqual(toPrefix.replaces, ["namePrefix"]);
        assert.equal(toPrefix.deleteBeforeReplace, false);
    });

    it("delete: removes the inline policy and the role", async () => {
        const { id, outs } = await up({ roleName: "r-del", userPoolId: poolId });
        await provider.delete!(id, outs);
        assert.equal(await roleExists("r-del"), false);
    });

    it("delete: a role already gone (or its policy already gone) is not an error; read reports it gone", async () => {
        const { id, outs } = await up({ roleName: "r-gone", userPoolId: poolId });
        const iam = iamClient(m.moto.endpoint);
        await iam.send(new DeleteRolePolicyCommand({ RoleName: "r-gone", PolicyName: PERMISSION_POLICY_NAME }));
        await iam.send(new DeleteRoleCommand({ RoleName: "r-gone" }));
        assert.deepEqual(await provider.read!(id, outs), {});
        await provider.delete!(id, outs);
        await assert.rejects(
            provider.update!(id, outs, { roleName: "r-gone", userPoolId: poolId, externalId: outs.externalId }),
            /IAM role r-gone no longer exists\. Run `pulumi refresh`/,
        );

        const second = await up({ roleName: "r-nopolicy" });
        await iam.send(new DeleteRolePolicyCommand({ RoleName: "r-nopolicy", PolicyName: PERMISSION_POLICY_NAME }));
        await provider.delete!(second.id, second.outs);
        assert.equal(await roleExists("r-nopolicy"), false);
    });

    it("delete: DeleteConflict from a managed policy attached out of band names the policy and the fix", async () => {
        const { id, outs } = await up({ roleName: "r-conflict", userPoolId: poolId });
        const iam = iamClient(m.moto.endpoint);
        const policy = await iam.send(
            new CreatePolicyCommand({
                PolicyName: "extra",
                PolicyDocument: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
                }),
            }),
        );
        const policyArn = policy.Policy!.Arn!;
        await iam.send(new AttachRolePolicyCommand({ RoleName: "r-conflict", PolicyArn: policyArn }));
        await assert.rejects(provider.delete!(id, outs), (e: Error) => {
            assert.match(e.message, /^DeleteRole on IAM role r-conflict failed: DeleteConflictException: /);
            assert.ok(e.message.includes(`managed policies attached: ${policyArn}`), e.message);
            assert.match(e.message, /aws iam detach-role-policy --role-name r-conflict/);
            return true;
        });
        assert.equal(await roleExists("r-conflict"), true);
        // Once detached, the retried delete completes (the inline policy is already gone: tolerated).
        await iam.send(new DetachRolePolicyCommand({ RoleName: "r-conflict", PolicyArn: policyArn }));
        await provider.delete!(id, outs);
        assert.equal(await roleExists("r-conflict"), false);
    });

    it("delete guard: refuses while the pool's SMS MFA uses the role; forceDelete deletes", async () => {
        const { id, outs, inputs } = await up({ roleName: "r-guard", userPoolId: poolId });
        // The one-line wiring the outputs are made for, through the MFA provider.
        const mfa = new UserPoolMfaConfigProvider();
        await mfa.create({
            userPoolId: poolId,
            mfaConfiguration: "ON",
            smsMfaConfiguration: { smsConfiguration: { snsCallerArn: outs.arn, externalId: outs.externalId } },
        });

        await assert.rejects(provider.delete!(id, outs), (e: Error) => {
            assert.match(e.message, new RegExp(`^Refusing to delete IAM role r-guard: user pool ${poolId} still uses it to send SMS`));
            assert.match(
                e.message,
                /GetUserPoolMfaConfig SmsMfaConfiguration\.SmsConfiguration\.SnsCallerArn is arn:aws:iam::123456789012:role\/r-guard/,
            );
            assert.match(e.message, /forceDelete: true/);
            assert.match(e.message, /point the pool at another role first/);
            return true;
        });
        assert.equal(await roleExists("r-guard"), true);

        // forceDelete reaches state through an update, then delete goes ahead.
        const checked = await provider.check!(inputs, { roleName: "r-guard", userPoolId: poolId, forceDelete: true });
        const d = await provider.diff!(id, outs, checked.inputs!);
        assert.equal(d.changes, true);
        const { outs: forced } = await provider.update!(id, outs, checked.inputs!);
        assert.equal(forced!.forceDelete, true);
        await provider.delete!(id, forced!);
        assert.equal(await roleExists("r-guard"), false);
    });

    it("delete guard: the pool-level SMS configuration (DescribeUserPool) counts too; another role or a deleted pool does not", async () => {
        const { id, outs } = await up({ roleName: "r-guard2", userPoolId: poolId });
        const cognito = cognitoClient(m.moto.endpoint);
        await cognito.send(
            new UpdateUserPoolCommand({ UserPoolId: poolId, SmsConfiguration: { SnsCallerArn: outs.arn, ExternalId: outs.externalId } }),
        );
        await assert.rejects(provider.delete!(id, outs), /DescribeUserPool UserPool\.SmsConfiguration\.SnsCallerArn is/);

        // Pointed at another role: fine.
        await cognito.send(
            new UpdateUserPoolCommand({
                UserPoolId: poolId,
                SmsConfiguration: { SnsCallerArn: `arn:aws:iam::${ACCOUNT}:role/other`, ExternalId: "x" },
            }),
        );
        await cognito.send(
            new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                MfaConfiguration: "ON",
                SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: `arn:aws:iam::${ACCOUNT}:role/other`, ExternalId: "x" } },
            }),
        );
        const second = await up({ roleName: "r-guard3", userPoolId: poolId });
        await provider.delete!(second.id, second.outs);
        assert.equal(await roleExists("r-guard3"), false);

        // The pool deleted: fine.
        await cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
        await provider.delete!(id, outs);
        assert.equal(await roleExists("r-guard2"), false);
    });

    it("create errors: an existing role name, and a pool that does not exist", async () => {
        await up({ roleName: "r-dup" });
        await assert.rejects(provider.create({ roleName: "r-dup", externalId: "ext-1" }), (e: Error & { id?: string }) => {
            assert.match(e.message, /^CreateRole on IAM role r-dup failed: EntityAlreadyExistsException: /);
            assert.match(e.message, /choose another roleName, use namePrefix/);
            assert.equal(e.id, undefined);
            return true;
        });
        await assert.rejects(
            provider.create({ roleName: "r-nopool", userPoolId: "us-east-1_missing1", externalId: "ext-1" }),
            /User pool us-east-1_missing1 does not exist in us-east-1/,
        );
        assert.equal(await roleExists("r-nopool"), false);
    });

    describe("lost checkpoints: the owner tag and the deterministic name", () => {
        const OWNER = "proj/dev/sms";

        it("a create repeated after a lost checkpoint adopts the role it made: same ARN, one role, documents converged", async () => {
            const args: SnsCallerRoleInputs = {
                namePrefix: "sms-",
                userPoolId: poolId,
                description: "Cognito SMS",
                tags: { team: "id" },
                __owner: OWNER,
            };
            const first = await up({ ...args });
            assert.equal(first.outs.roleName, roleNameFor("sms-", OWNER, "/"));
            assert.match(first.outs.roleName, /^sms-[a-z2-7]{26}$/);
            const tags = await liveTags(first.outs.roleName);
            assert.equal(tags[OWNER_TAG_KEY], OWNER, "CreateRole tagged the owner");
            assert.equal(tags.team, "id");
            assert.ok(tags[ROLE_INSTANCE_TAG]);
            assert.deepEqual(first.outs.tags, { team: "id" }, "the provider's tags are not in the tags output");
            assert.equal(first.outs.__owner, OWNER);
            assert.equal(first.outs.__instance, tags[ROLE_INSTANCE_TAG]);
            // No drift from the provider's own tags: refresh and the same program are no change.
            const r = await provider.read!(first.id, first.outs);
            assert.deepEqual(r.props, first.outs);
            assert.equal((await provider.diff!(first.id, r.props, first.inputs)).changes, false);

            // The process died after CreateRole (here: before PutRolePolicy and with a stale trust
            // policy), and `pulumi refresh --clear-pending-creates` forgot the role. The next up
            // checks from nothing (a new ExternalId) and creates again.
            const iam = iamClient(m.moto.endpoint);
            await iam.send(new DeleteRolePolicyCommand({ RoleName: first.outs.roleName, PolicyName: PERMISSION_POLICY_NAME }));
            await iam.send(
                new UpdateAssumeRolePolicyCommand({
                    RoleName: first.outs.roleName,
                    PolicyDocument: JSON.stringify(trustFor("stale", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/*")),
                }),
            );
            const second = await up({ ...args });
            assert.notEqual(second.outs.externalId, first.outs.externalId, "the forgotten state had another ExternalId");
            assert.equal(second.id, first.id);
            assert.equal(second.outs.arn, first.outs.arn);
            assert.equal(second.outs.roleId, first.outs.roleId, "the same role, adopted");
            assert.deepEqual(await roleNames(), [first.outs.roleName], "exactly one role in IAM: no orphan");
            const sourceArn = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${poolId}`;
            assert.deepEqual(
                await liveTrust(second.outs.roleName),
                trustFor(second.outs.externalId, sourceArn),
                "trust policy for the new state's ExternalId",
            );
            assert.deepEqual(await livePermission(second.outs.roleName), JSON.parse(PERMISSION_POLICY_DOCUMENT), "inline policy put back");
            assert.deepEqual(JSON.parse(second.outs.trustPolicy), trustFor(second.outs.externalId, sourceArn));
            assert.deepEqual(second.outs.tags, { team: "id" });
            assert.equal(second.outs.description, "Cognito SMS");
            const after = await liveTags(second.outs.roleName);
            assert.equal(after[OWNER_TAG_KEY], OWNER);
            assert.equal(after[ROLE_INSTANCE_TAG], second.outs.__instance);
            assert.notEqual(second.outs.__instance, first.outs.__instance, "adoption writes a new instance token");
            // Converged: the same program is no change, and delete removes the one role.
            const again = await provider.check!(second.inputs, { ...args });
            assert.equal((await provider.diff!(second.id, second.outs, again.inputs!)).changes, false);
            await provider.delete!(second.id, second.outs);
            assert.deepEqual(await roleNames(), []);
        });

        it("an explicit roleName is adopted the same way; the replaced resource's delete then leaves the adopted role", async () => {
            const args: SnsCallerRoleInputs = { roleName: "r-owned", externalId: "ext-1", __owner: OWNER };
            const first = await up({ ...args });
            assert.equal((await liveTags("r-owned"))[OWNER_TAG_KEY], OWNER);
            // A create-before-delete replacement that keeps the name (`pulumi up --replace`):
            // the new resource adopts the role, then the engine deletes the old resource.
            const second = await up({ ...args });
            assert.equal(second.outs.arn, first.outs.arn);
            await provider.delete!(first.id, first.outs);
            assert.equal(await roleExists("r-owned"), true, "the old resource's delete does not take the adopted role away");
            assert.deepEqual(await livePermission("r-owned"), JSON.parse(PERMISSION_POLICY_DOCUMENT));
            await provider.delete!(second.id, second.outs);
            assert.equal(await roleExists("r-owned"), false);
        });

        it("a foreign role of the same name (no owner tag, or another owner's) is refused, and left as it was", async () => {
            const name = roleNameFor("sms-", OWNER, "/");
            const foreignTrust = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
            });
            const iam = iamClient(m.moto.endpoint);
            await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: foreignTrust }));
            const checked = await provider.check!({}, { namePrefix: "sms-", __owner: OWNER });
            await assert.rejects(provider.create(checked.inputs!), (e: Error & { id?: string }) => {
                assert.match(
                    e.message,
                    new RegExp(
                        `^Cannot create IAM role ${name}: a role with that name already exists \\(arn:aws:iam::${ACCOUNT}:role/${name}\\)`,
                    ),
                );
                assert.match(
                    e.message,
                    /it has no pulumi-cognito-mfa:owner tag, so no SnsCallerRole created it, not to proj\/dev\/sms\. Refusing to take it over/,
                );
                assert.match(e.message, /Choose another roleName or namePrefix/);
                assert.match(
                    e.message,
                    new RegExp(`aws iam tag-role --role-name ${name} --tags Key=pulumi-cognito-mfa:owner,Value=proj/dev/sms`),
                );
                assert.equal(e.id, undefined, "nothing is recorded in state");
                return true;
            });
            assert.deepEqual(await liveTrust(name), JSON.parse(foreignTrust), "the foreign role is untouched");
            await assert.rejects(
                iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: PERMISSION_POLICY_NAME })),
                /NoSuchEntity/,
            );
            assert.deepEqual(await roleNames(), [name]);

            // Another stack's role of that name (its tag names another owner): refused too, naming it.
            await iam.send(
                new CreateRoleCommand({
                    RoleName: "r-theirs",
                    AssumeRolePolicyDocument: foreignTrust,
                    Tags: [{ Key: OWNER_TAG_KEY, Value: "proj/prod/sms" }],
                }),
            );
            await assert.rejects(
                provider.create({ roleName: "r-theirs", externalId: "ext-1", __owner: OWNER }),
                /^Error: Cannot create IAM role r-theirs: .* its pulumi-cognito-mfa:owner tag says it belongs to proj\/prod\/sms, not to proj\/dev\/sms\. Refusing/,
            );
            assert.deepEqual(await liveTags("r-theirs"), { [OWNER_TAG_KEY]: "proj/prod/sms" });
        });

        it("state from before __owner: read, update (which adds the owner tag) and delete work; user tags stay the user's", async () => {
            const legacy = await up({ namePrefix: "old-", tags: { a: "1" } });
            assert.equal(legacy.outs.__owner, undefined);
            assert.deepEqual(await liveTags(legacy.outs.roleName), { a: "1" }, "no owner tag without __owner");
            const r = await provider.read!(legacy.id, legacy.outs);
            assert.deepEqual(r.props, legacy.outs);
            // The upgraded program sends __owner: same name kept, no diff of its own.
            const news = await provider.check!(legacy.inputs, { namePrefix: "old-", tags: { a: "1" }, __owner: OWNER });
            const d = await provider.diff!(legacy.id, legacy.outs, news.inputs!);
            assert.deepEqual(d, { changes: false, replaces: [], deleteBeforeReplace: false });
            // An update (here: a tag change) writes the owner tag and records it.
            const changed = await provider.check!(legacy.inputs, { namePrefix: "old-", tags: { a: "2" }, __owner: OWNER });
            const { outs } = await provider.update!(legacy.id, legacy.outs, changed.inputs!);
            assert.equal(outs!.roleName, legacy.outs.roleName, "the random name from before is kept");
            assert.deepEqual(outs!.tags, { a: "2" });
            assert.equal(outs!.__owner, OWNER);
            const tags = await liveTags(legacy.outs.roleName);
            assert.equal(tags.a, "2");
            assert.equal(tags[OWNER_TAG_KEY], OWNER);
            assert.equal(tags[ROLE_INSTANCE_TAG], outs!.__instance);
            assert.equal((await provider.diff!(legacy.id, outs!, changed.inputs!)).changes, false);
            // A later update that removes the user's tags keeps the provider's.
            const bare = await provider.check!(changed.inputs!, { namePrefix: "old-", __owner: OWNER });
            const { outs: bareOuts } = await provider.update!(legacy.id, outs!, bare.inputs!);
            assert.deepEqual(bareOuts!.tags, {});
            assert.deepEqual(Object.keys(await liveTags(legacy.outs.roleName)).sort(), [ROLE_INSTANCE_TAG, OWNER_TAG_KEY]);
            // Legacy outputs (no __owner, no __instance) still delete.
            await provider.delete!(legacy.id, legacy.outs);
            assert.equal(await roleExists(legacy.outs.roleName), false);
        });
    });
});
