package dev.loraguide.guide.fact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.kie.api.definition.type.Modifies;

/**
 * The fact a guide's rules fill in: the chosen preset, the training parameters, the
 * trigger token, the file-size estimate and warnings. It starts with the caller's
 * overrides; a setter leaves a fixed parameter as the caller gave it, so no rule can
 * overwrite a manual override, whatever its conditions say.
 */
public final class TrainingPlan {

	private final Set<Parameter> fixed = EnumSet.noneOf(Parameter.class);

	private final List<Warning> warnings = new ArrayList<>();

	private final List<String> presetClaims = new ArrayList<>(1);

	private String presetId;

	private String presetLabel;

	private Integer maxTrainSteps;

	private Double learningRate;

	private Integer networkDim;

	private Integer networkAlpha;

	private Integer repeats;

	private Integer epochs;

	private Integer warmupSteps;

	private String lrScheduler;

	private String triggerToken;

	private FileSizeEstimate estimatedFileSizeMb;

	public TrainingPlan(ParameterOverrides overrides) {
		this.maxTrainSteps = fix(Parameter.MAX_TRAIN_STEPS, overrides.maxTrainSteps());
		this.learningRate = fix(Parameter.LEARNING_RATE, overrides.learningRate());
		this.networkDim = fix(Parameter.NETWORK_DIM, overrides.networkDim());
		this.networkAlpha = fix(Parameter.NETWORK_ALPHA, overrides.networkAlpha());
		this.repeats = fix(Parameter.REPEATS, overrides.repeats());
		this.epochs = fix(Parameter.EPOCHS, overrides.epochs());
		this.warmupSteps = fix(Parameter.WARMUP_STEPS, overrides.warmupSteps());
		this.lrScheduler = fix(Parameter.LR_SCHEDULER, overrides.lrScheduler());
	}

	private <T> T fix(Parameter parameter, T value) {
		if (value != null) {
			this.fixed.add(parameter);
		}
		return value;
	}

	private boolean isOpen(Parameter parameter) {
		return !this.fixed.contains(parameter);
	}

	public boolean isFixed(Parameter parameter) {
		return this.fixed.contains(parameter);
	}

	public String getPresetId() {
		return this.presetId;
	}

	public void setPresetId(String presetId) {
		this.presetClaims.add(presetId);
		this.presetId = presetId;
	}

	public String getPresetLabel() {
		return this.presetLabel;
	}

	public void setPresetLabel(String presetLabel) {
		this.presetLabel = presetLabel;
	}

	public Integer getMaxTrainSteps() {
		return this.maxTrainSteps;
	}

	public void setMaxTrainSteps(Integer maxTrainSteps) {
		if (isOpen(Parameter.MAX_TRAIN_STEPS)) {
			this.maxTrainSteps = maxTrainSteps;
		}
	}

	public Double getLearningRate() {
		return this.learningRate;
	}

	public void setLearningRate(Double learningRate) {
		if (isOpen(Parameter.LEARNING_RATE)) {
			this.learningRate = learningRate;
		}
	}

	public Integer getNetworkDim() {
		return this.networkDim;
	}

	public void setNetworkDim(Integer networkDim) {
		if (isOpen(Parameter.NETWORK_DIM)) {
			this.networkDim = networkDim;
		}
	}

	public Integer getNetworkAlpha() {
		return this.networkAlpha;
	}

	public void setNetworkAlpha(Integer networkAlpha) {
		if (isOpen(Parameter.NETWORK_ALPHA)) {
			this.networkAlpha = networkAlpha;
		}
	}

	public Integer getRepeats() {
		return this.repeats;
	}

	public void setRepeats(Integer repeats) {
		if (isOpen(Parameter.REPEATS)) {
			this.repeats = repeats;
		}
	}

	public Integer getEpochs() {
		return this.epochs;
	}

	public void setEpochs(Integer epochs) {
		if (isOpen(Parameter.EPOCHS)) {
			this.epochs = epochs;
		}
	}

	public Integer getWarmupSteps() {
		return this.warmupSteps;
	}

	public void setWarmupSteps(Integer warmupSteps) {
		if (isOpen(Parameter.WARMUP_STEPS)) {
			this.warmupSteps = warmupSteps;
		}
	}

	public String getLrScheduler() {
		return this.lrScheduler;
	}

	public void setLrScheduler(String lrScheduler) {
		if (isOpen(Parameter.LR_SCHEDULER)) {
			this.lrScheduler = lrScheduler;
		}
	}

	public String getTriggerToken() {
		return this.triggerToken;
	}

	public void setTriggerToken(String triggerToken) {
		this.triggerToken = triggerToken;
	}

	public FileSizeEstimate getEstimatedFileSizeMb() {
		return this.estimatedFileSizeMb;
	}

	public void setEstimatedFileSizeMb(FileSizeEstimate estimatedFileSizeMb) {
		this.estimatedFileSizeMb = estimatedFileSizeMb;
	}

	public List<Warning> getWarnings() {
		return Collections.unmodifiableList(this.warnings);
	}

	@Modifies({ "warnings" })
	public void addWarning(String code, String message) {
		this.warnings.add(new Warning(code, message));
	}

	public List<String> presetClaims() {
		return List.copyOf(this.presetClaims);
	}

	public TrainingParameters parameters() {
		return new TrainingParameters(this.maxTrainSteps, this.learningRate, this.networkDim, this.networkAlpha,
				this.repeats, this.epochs, this.warmupSteps, this.lrScheduler);
	}

}
