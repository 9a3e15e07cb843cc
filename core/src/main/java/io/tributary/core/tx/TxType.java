package io.tributary.core.tx;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code type} string of each transaction and the body record it carries. */
public enum TxType {
    GENESIS("genesis", Body.Genesis.class),
    TRANSFER("transfer", Body.Transfer.class),
    DATANET_CREATE("datanet_create", Body.DatanetCreate.class),
    DATANET_UPDATE("datanet_update", Body.DatanetUpdate.class),
    CONTRIBUTION_PROPOSE("contribution_propose", Body.ContributionPropose.class),
    CONTRIBUTION_ACCEPT("contribution_accept", Body.ContributionAccept.class),
    CONTRIBUTION_REJECT("contribution_reject", Body.ContributionReject.class),
    DATANET_FREEZE("datanet_freeze", Body.DatanetFreeze.class),
    MODEL_REGISTER("model_register", Body.ModelRegister.class),
    MODEL_UPDATE("model_update", Body.ModelUpdate.class),
    AGENT_REGISTER("agent_register", Body.AgentRegister.class),
    SHARE_TRANSFER("share_transfer", Body.ShareTransfer.class);

    private static final Map<String, TxType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(TxType::typeName, Function.identity()));
    private static final Map<Class<?>, TxType> BY_BODY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(TxType::bodyClass, Function.identity()));

    private final String typeName;
    private final Class<? extends Body> bodyClass;

    TxType(String typeName, Class<? extends Body> bodyClass) {
        this.typeName = typeName;
        this.bodyClass = bodyClass;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends Body> bodyClass() {
        return bodyClass;
    }

    public static TxType named(String typeName) {
        var type = BY_NAME.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("unknown transaction type: " + typeName);
        }
        return type;
    }

    public static TxType of(Body body) {
        return BY_BODY.get(body.getClass());
    }
}
